import { CONTROL_PLANE } from "../../allowlists";
import { defineDetection } from "../../define-detection";
import { describePrincipal, isNode, isServiceAccount } from "../../event-helpers";

export default defineDetection({
  id: "TWD-0008",
  name: "rbac-self-review",
  title: "RBAC self-review (auth can-i) by service account or node",
  severity: "medium",
  tactic: "discovery",
  description:
    "A SelfSubjectRulesReview or SelfSubjectAccessReview (kubectl auth can-i --list) by a service account or node identity: someone holding a workload's token is asking what it may do. Low for humans, who do this routinely.",
  refs: { mitre: ["T1069.003", "T1087.004", "T1613"], ms: ["MS-TA9029"], falco: [], sigma: ["RBAC Permission Enumeration Attempt"], elastic: ["Kubernetes Suspicious Self-Subject Review via Unusual User Agent"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["RBAC self-review (auth can-i) by service account or node"],
  resources: ["selfsubjectrulesreviews", "selfsubjectaccessreviews"],
  check: (e) => {
    if (e.verb !== "create") return;
    if (e.objectRef.apiGroup && e.objectRef.apiGroup !== "authorization.k8s.io") return;
    if (CONTROL_PLANE.exact.includes(e.user.username)) return;
    const who = e.impersonatedUser?.username ?? e.user.username;
    const workload = isServiceAccount(who) || isNode(who);
    return {
      message: `${describePrincipal(e)} enumerated its own permissions (${e.objectRef.resource})${e.userAgent ? ` with ${e.userAgent.split(" ")[0]}` : ""}`,
      severity: workload ? "medium" : "low",
    };
  },
});
