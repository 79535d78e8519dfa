import { MANAGED_SYSTEM_ROLES } from "../../allowlists";
import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isSuccessful, isSystemPrincipal, pastTense } from "../../event-helpers";

export default defineDetection({
  id: "TWD-0037",
  name: "system-role-modified",
  title: "System ClusterRole/Role modified or deleted",
  severity: "high",
  tactic: "privilege-escalation",
  description:
    "A built-in system: role or binding was changed or deleted by someone other than the API server or the aggregation controller: widening a controller's role, or removing a guard, hides among defaults nobody reviews.",
  refs: { mitre: ["T1098.006", "T1222"], ms: ["MS-TA9019"], falco: ["System ClusterRole Modified/Deleted"], sigma: ["Kubernetes Rolebinding Modification"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["System ClusterRole/Role modified or deleted"],
  resources: ["roles", "clusterroles", "rolebindings", "clusterrolebindings"],
  check: (e) => {
    const name = e.objectRef.name ?? "";
    if (!name.startsWith("system:") || !["update", "patch", "delete"].includes(e.verb) || !isSuccessful(e)) return;
    if (isSystemPrincipal(e.user.username) || MANAGED_SYSTEM_ROLES.includes(name)) return;
    return { message: `${describePrincipal(e)} ${pastTense(e.verb)} ${e.objectRef.resource} '${name}'${allowedBy(e)}` };
  },
});
