import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isSuccessful, isSystemPrincipal } from "../../event-helpers";

const AUTH_CONFIGMAPS = ["aws-auth"];

export default defineDetection({
  id: "TWD-0046",
  name: "auth-config-modified",
  title: "Cluster authentication config modified (aws-auth / access maps)",
  severity: "high",
  tactic: "persistence",
  description: "The kube-system/aws-auth ConfigMap, which maps IAM roles and users to Kubernetes groups on EKS, was changed or deleted: adding a mapping to system:masters is a durable backdoor.",
  refs: { mitre: ["T1098.006"], ms: ["MS-TA9019"], falco: [], elastic: ["EKS Authentication Configuration Modified"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Cluster authentication config modified (aws-auth / access maps)"],
  resources: ["configmaps"],
  check: (e) => {
    if (!["update", "patch", "delete"].includes(e.verb) || !isSuccessful(e)) return;
    if (e.objectRef.namespace !== "kube-system" || !AUTH_CONFIGMAPS.includes(e.objectRef.name ?? "")) return;
    if (isSystemPrincipal(e.user.username)) return;
    const masters = JSON.stringify(e.object ?? e.requestObject ?? "").includes("system:masters");
    return { message: `${describePrincipal(e)} ${e.verb === "delete" ? "deleted" : "changed"} kube-system/${e.objectRef.name}${masters ? " (maps an identity to system:masters)" : ""}${allowedBy(e)}`, severity: masters ? "critical" : "high" };
  },
});
