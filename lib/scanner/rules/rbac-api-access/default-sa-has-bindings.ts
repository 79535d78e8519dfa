import { defineSnapshotRule } from "../../define-rule";
import { describeBinding, describeRole, effectivePermissions, RBAC_TARGETS } from "../../rbac";
import type { Hit } from "../../types";

export default defineSnapshotRule({
  id: "TWR-0328",
  name: "default-sa-has-bindings",
  title: "Default ServiceAccount is granted RBAC permissions",
  severity: "medium",
  theme: "rbac-api-access",
  description:
    "Every pod that names no ServiceAccount runs as its namespace's 'default' ServiceAccount, so permissions bound to it go to every such pod, present and future, not to the one workload that needed them. Reported on each binding whose subjects include a 'default' ServiceAccount, naming the role; Kubernetes' own bindings (system:*, rbac-defaults label) are excluded.",
  remediation: "Create a dedicated ServiceAccount for the workload that needs the permissions, bind the role to it, set serviceAccountName in the workload, and remove the default ServiceAccount from the binding.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts", "https://www.cisecurity.org/benchmark/kubernetes"],
  refs: { cis: ["5.1.5"], checkov: ["CKV_K8S_42"] },
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const b of effectivePermissions(ctx.snapshot).bindings) {
      if (b.isDefault) continue;
      for (const s of b.subjects) {
        if (s.subject.kind !== "ServiceAccount" || s.subject.name !== "default") continue;
        const role = b.role ? describeRole(b.role) : `${b.roleRef.kind} '${b.roleRef.name}' (not found)`;
        hits.push({
          object: b.obj,
          path: `subjects[${s.index}]`,
          value: `ServiceAccount:${s.subject.namespace}/default`,
          message: `${describeBinding(b)} binds ServiceAccount '${s.subject.namespace}/default' (subjects[${s.index}]) to ${role} ${b.kind === "RoleBinding" ? `in namespace '${b.namespace}'` : "cluster-wide"}: every pod of that namespace without its own ServiceAccount gets it`,
        });
      }
    }
    return hits;
  },
});
