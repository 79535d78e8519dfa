import { defineDetection } from "../../define-detection";
import { describePrincipal, pastTense } from "../../event-helpers";
import { sensitiveRoleChangeOf } from "../../rbac";

export default defineDetection({
  id: "TWD-0036",
  name: "sensitive-role",
  title: "Role/ClusterRole granting escalate/bind/impersonate/wildcards or sensitive resources",
  severity: "high",
  tactic: "privilege-escalation",
  description:
    "A Role or ClusterRole was written with a rule that grants escalate, bind, impersonate or *, or any verb on *, secrets, pods/exec, pods/attach, nodes/proxy, serviceaccounts/token, CSR approval or webhook configurations. Critical when it is also aggregated into admin/edit (a backdoor every namespace admin inherits); low when it only grants writes.",
  refs: { mitre: ["T1098.006"], ms: ["MS-TA9019"], falco: ["ClusterRole With Wildcard Created", "ClusterRole With Pod Exec Created", "ClusterRole With Write Privileges Created"], elastic: ["Kubernetes Creation or Modification of Sensitive Role", "Kubernetes RBAC Wildcard Elevation on Existing Role"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Role/ClusterRole granting escalate/bind/impersonate/wildcards or sensitive resources"],
  resources: ["roles", "clusterroles"],
  check: (e) => {
    const risk = sensitiveRoleChangeOf(e);
    if (!risk) return;
    const kind = e.objectRef.resource === "roles" ? `Role in '${e.objectRef.namespace ?? "?"}'` : "ClusterRole";
    return { message: `${describePrincipal(e)} ${pastTense(e.verb)} ${kind} '${e.objectRef.name ?? "?"}': ${risk.reasons.join("; ")}`, severity: risk.severity };
  },
});
