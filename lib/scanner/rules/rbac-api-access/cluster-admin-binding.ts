import { defineSnapshotRule } from "../../define-rule";
import { adminReason, describeChain, describeSubjects, effectivePermissions, RBAC_TARGETS, subjectPaths } from "../../rbac";
import type { Hit } from "../../types";

export default defineSnapshotRule({
  id: "TWR-0301",
  name: "cluster-admin-binding",
  title: "Subjects bound to cluster-admin",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "A ClusterRoleBinding to cluster-admin, or to any ClusterRole that grants every verb on every resource, gives its subjects full control of the cluster: every Secret, every node through privileged pods, and RBAC itself. Reported on the ClusterRoleBinding, naming each subject and the role; Kubernetes' own bindings (system:*, the bootstrap cluster-admin binding of system:masters, rbac-defaults label) are excluded. A RoleBinding to such a role is namespace-scoped and reported by rbac-wildcard-namespace-admin.",
  remediation: "Bind the subject to a role with only the permissions it needs (admin or edit through RoleBindings in its namespaces); keep cluster-admin for break-glass accounts.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
  refs: { ksv: ["KSV-0111"], kubescape: ["C-0185", "C-0035"], cis: ["5.1.1"], polaris: ["clusterrolebindingClusterAdmin"] },
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const b of effectivePermissions(ctx.snapshot).bindings) {
      if (b.kind !== "ClusterRoleBinding" || b.isDefault || !b.role || !b.subjects.length) continue;
      const reason = adminReason(b.role);
      if (!reason) continue;
      hits.push({
        object: b.obj,
        path: "roleRef.name",
        value: b.roleRef.name,
        message: `${describeChain(b, b.role)} makes ${describeSubjects(b)} cluster administrators: ${reason}`,
        extraPaths: subjectPaths(b),
      });
    }
    return hits;
  },
});
