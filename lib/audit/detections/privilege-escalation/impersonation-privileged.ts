import { defineDetection } from "../../define-detection";
import { allowedBy, describeTarget, isAllowed, isSystemPrincipal } from "../../event-helpers";

const PRIVILEGED = (u: string) => u === "system:admin" || u.startsWith("system:kube-") || u.startsWith("system:node:") || u.startsWith("system:serviceaccount:kube-system:");

export default defineDetection({
  id: "TWD-0040",
  name: "impersonation-privileged",
  title: "Impersonation of privileged identity",
  severity: "high",
  tactic: "privilege-escalation",
  description:
    "A request was made while impersonating a control-plane identity, a node, a kube-system service account or the system:masters group: the impersonate verb turns any such grant into cluster-admin.",
  refs: { mitre: ["T1134", "T1078"], ms: [], falco: [], elastic: ["Kubernetes API Request Impersonating Privileged Identity"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Impersonation of privileged identity"],
  check: (e) => {
    const imp = e.impersonatedUser;
    if (!imp || !isAllowed(e) || isSystemPrincipal(e.user.username)) return;
    const masters = imp.groups.includes("system:masters");
    if (!PRIVILEGED(imp.username) && !masters) return;
    return {
      message: `${e.user.username} impersonated ${imp.username || "(no user)"}${masters ? " in group system:masters" : ""}: ${e.verb} ${describeTarget(e)}${allowedBy(e)}`,
      severity: masters || imp.username === "system:admin" ? "critical" : "high",
    };
  },
});
