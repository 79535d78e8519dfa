import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isNode, isSuccessful } from "../../event-helpers";
import { podSpecsOf, securityContextOf } from "../../pod-spec";

export default defineDetection({
  id: "TWD-0025",
  name: "ephemeral-container",
  title: "Ephemeral (debug) container added to pod",
  severity: "medium",
  tactic: "privilege-escalation",
  description:
    "An ephemeral container was added to a running pod (kubectl debug): a new process in the pod's namespaces with an image of the requester's choosing. High when it is privileged or targets a kube-system pod.",
  refs: { mitre: ["T1609", "T1611"], ms: ["MS-TA9006"], falco: ["EphemeralContainers Created"], elastic: ["Kubernetes Ephemeral Container Added to Pod"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Ephemeral (debug) container added to pod"],
  resources: ["pods"],
  check: (e) => {
    if (e.objectRef.subresource !== "ephemeralcontainers" || (e.verb !== "update" && e.verb !== "patch") || !isSuccessful(e)) return;
    const user = e.user.username;
    if (isNode(user) || user.startsWith("system:serviceaccount:kube-system:")) return;
    const eph = (podSpecsOf(e.object)[0]?.containers ?? []).filter((c) => c.kind === "ephemeralContainer");
    const privileged = eph.some((c) => securityContextOf(c).privileged === true);
    const high = privileged || e.objectRef.namespace === "kube-system";
    const images = eph.map((c) => c.image).filter(Boolean);
    return {
      message: `${describePrincipal(e)} added an ephemeral container${images.length ? ` (${images.join(", ")})` : ""} to pod '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}'${privileged ? ", privileged" : ""}${allowedBy(e)}`,
      severity: high ? "high" : "medium",
    };
  },
});
