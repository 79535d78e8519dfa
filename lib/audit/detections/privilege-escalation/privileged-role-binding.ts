import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, pastTense } from "../../event-helpers";
import { describeSubjects, privilegedBindingOf } from "../../rbac";

export default defineDetection({
  id: "TWD-0035",
  name: "privileged-role-binding",
  title: "Binding to cluster-admin / admin or to broad groups",
  severity: "critical",
  tactic: "privilege-escalation",
  description:
    "A ClusterRoleBinding or RoleBinding was written that grants cluster-admin, admin, system:masters or a control-plane role, or that binds any role to everyone (system:anonymous, system:unauthenticated, system:authenticated, system:serviceaccounts). Patches are judged on the response object.",
  refs: { mitre: ["T1098.006"], ms: ["MS-TA9019"], falco: ["Attach to cluster-admin Role"], sigma: ["Kubernetes Rolebinding Modification"], elastic: ["Kubernetes Cluster-Admin Role Binding Created"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Binding to cluster-admin / admin or to broad groups"],
  resources: ["clusterrolebindings", "rolebindings"],
  check: (e) => {
    const b = privilegedBindingOf(e);
    if (!b) return;
    const kind = b.cluster ? "ClusterRoleBinding" : `RoleBinding in '${e.objectRef.namespace ?? "?"}'`;
    const what = [b.privilegedRole && `role '${b.privilegedRole}'`, b.broadGroups.length && `group(s) ${b.broadGroups.join(", ")}`].filter(Boolean).join(" to ");
    return {
      message: `${describePrincipal(e)} ${pastTense(e.verb)} ${kind} '${e.objectRef.name ?? "?"}' granting ${what} to ${describeSubjects(b.subjects)}${allowedBy(e)}`,
      severity: b.cluster || b.broadGroups.length ? "critical" : "high",
      evidence: { role: b.role, subjects: b.subjects },
    };
  },
});
