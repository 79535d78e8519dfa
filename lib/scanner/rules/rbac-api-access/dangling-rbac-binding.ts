import { defineSnapshotRule } from "../../define-rule";
import { BUILTIN_CLUSTER_ROLES, describeBinding, effectivePermissions, hasDefaultName, RBAC_TARGETS } from "../../rbac";
import type { Hit } from "../../types";

export default defineSnapshotRule({
  id: "TWR-0329",
  name: "dangling-rbac-binding",
  title: "Binding refers to a missing role or ServiceAccount",
  severity: "low",
  theme: "rbac-api-access",
  description:
    "A binding to a role that does not exist grants nothing today, but whoever later creates a role of that name (in the binding's namespace, for a Role) decides what its subjects get; a binding to a deleted ServiceAccount is handed to the next ServiceAccount created with that name. Reported on the binding, at roleRef or at the subject. A ClusterRole is only called missing when it is not a built-in one (cluster-admin, admin, edit, view, system:*), and a ServiceAccount only when the snapshot holds other ServiceAccounts of its namespace (so its inventory is known) and it is not 'default'.",
  remediation: "Delete the binding if it is no longer needed, or create the intended role/ServiceAccount; fix roleRef.kind if the binding names a Role from a ClusterRoleBinding.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding"],
  refs: {},
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const perms = effectivePermissions(ctx.snapshot);
    const saNamespaces = ctx.snapshot.memo("rbac:sa-namespaces", () => new Set(ctx.snapshot.byKind("ServiceAccount").map((o) => o.metadata?.namespace ?? "")));
    const hits: Hit[] = [];
    for (const b of perms.bindings) {
      if (b.isDefault) continue;
      const ref = b.roleRef;
      if (!b.role) {
        const known = ref.kind === "ClusterRole" && ((BUILTIN_CLUSTER_ROLES as readonly string[]).includes(ref.name) || hasDefaultName(ref.name));
        const message =
          b.kind === "ClusterRoleBinding" && ref.kind === "Role"
            ? `${describeBinding(b)} has roleRef.kind 'Role', which a ClusterRoleBinding cannot reference; it grants nothing`
            : ref.kind !== "Role" && ref.kind !== "ClusterRole"
              ? `${describeBinding(b)} has roleRef.kind '${ref.kind}', which is not Role or ClusterRole`
              : `${describeBinding(b)} refers to ${ref.kind} '${ref.name}'${ref.kind === "Role" ? ` in namespace '${b.namespace}'` : ""}, which is not in the snapshot`;
        if (!known) hits.push({ object: b.obj, path: ref.kind === "Role" || ref.kind === "ClusterRole" ? "roleRef.name" : "roleRef.kind", value: ref.name, message });
      }
      for (const s of b.subjects) {
        const { kind, name, namespace } = s.subject;
        if (kind !== "ServiceAccount" || name === "default" || !saNamespaces.has(namespace ?? "")) continue;
        if (ctx.snapshot.get("ServiceAccount", namespace, name)) continue;
        hits.push({ object: b.obj, path: `subjects[${s.index}]`, value: `ServiceAccount:${namespace}/${name}`, message: `${describeBinding(b)} binds ServiceAccount '${namespace}/${name}' (subjects[${s.index}]), which does not exist in namespace '${namespace}'` });
      }
    }
    return hits;
  },
});
