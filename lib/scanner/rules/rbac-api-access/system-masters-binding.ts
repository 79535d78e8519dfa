import { defineSnapshotRule } from "../../define-rule";
import { describeBinding, effectivePermissions, RBAC_TARGETS } from "../../rbac";
import type { Hit } from "../../types";

export default defineSnapshotRule({
  id: "TWR-0307",
  name: "system-masters-binding",
  title: "Binding refers to group system:masters",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "Members of system:masters bypass RBAC entirely (the authorizer allows them before any binding is read) and cannot be revoked by removing bindings, only by rotating the CA that signed their certificates. A binding that names the group shows that someone relies on it: certificates carrying O=system:masters are being issued or expected. Reported on the binding; the bootstrap cluster-admin binding that Kubernetes creates for system:masters is excluded.",
  remediation: "Do not issue certificates with O=system:masters beyond the break-glass admin.conf; give administrators their own group bound to cluster-admin, which can be revoked, and remove system:masters from the binding.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege", "https://www.cisecurity.org/benchmark/kubernetes"],
  refs: { ksv: ["KSV-0123"], cis: ["5.1.7"] },
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const b of effectivePermissions(ctx.snapshot).bindings) {
      if (b.isDefault) continue;
      for (const s of b.subjects) {
        if (s.subject.kind !== "Group" || s.subject.name !== "system:masters") continue;
        hits.push({ object: b.obj, path: `subjects[${s.index}]`, value: "Group:system:masters", message: `${describeBinding(b)} names Group 'system:masters' in subjects[${s.index}] (roleRef ${b.roleRef.kind} '${b.roleRef.name}'); its members bypass RBAC` });
      }
    }
    return hits;
  },
});
