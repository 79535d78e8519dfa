import { defineSnapshotRule } from "../../define-rule";
import { adminReason, describeChain, describeSubjects, effectivePermissions, RBAC_TARGETS, subjectPaths } from "../../rbac";
import type { Hit } from "../../types";

export default defineSnapshotRule({
  id: "TWR-0304",
  name: "rbac-wildcard-namespace-admin",
  title: "RoleBinding grants every permission in a namespace",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "A RoleBinding to a Role or ClusterRole that grants every verb on every resource (wildcards, or cluster-admin bound in one namespace) makes its subjects unrestricted owners of the namespace: its Secrets, its ServiceAccounts' tokens, its RBAC, and pods that run as any of its ServiceAccounts. Reported on the RoleBinding, naming each subject and the role; the wildcard rule itself is reported on the role by rbac-wildcard-any-any. Kubernetes' own bindings (system:*, rbac-defaults label) are excluded.",
  remediation: "Bind the subject to the built-in admin or edit ClusterRole, or to a Role listing the resources and verbs it needs, instead of a wildcard role.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
  refs: { ksv: ["KSV-0112"], kubescape: ["C-0187"], cis: ["5.1.3"], polaris: ["rolebindingClusterAdminRole", "rolebindingClusterAdminClusterRole"] },
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const b of effectivePermissions(ctx.snapshot).bindings) {
      if (b.kind !== "RoleBinding" || b.isDefault || !b.role || !b.subjects.length) continue;
      const reason = adminReason(b.role);
      if (!reason) continue;
      hits.push({
        object: b.obj,
        path: "roleRef.name",
        value: b.roleRef.name,
        message: `${describeChain(b, b.role)} gives ${describeSubjects(b)} every permission in namespace '${b.namespace ?? "?"}': ${reason}`,
        extraPaths: subjectPaths(b),
      });
    }
    return hits;
  },
});
