import { defineSnapshotRule } from "../../define-rule";
import { describeRole, effectivePermissions, RBAC_TARGETS } from "../../rbac";
import type { Hit } from "../../types";

export default defineSnapshotRule({
  id: "TWR-0302",
  name: "rbac-wildcard-any-any",
  title: "Role rule grants every verb on every resource",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "A rule with verbs: [\"*\"] and resources: [\"*\"] grants everything in its API groups, including resources and verbs added later (CRDs, escalate, impersonate): bound cluster-wide it is cluster-admin. This is about how the role is written, so it is reported on the Role/ClusterRole, at the rule, whether or not it is bound; who holds it is reported on the bindings by cluster-admin-binding and rbac-wildcard-namespace-admin. Roles that ship with Kubernetes (cluster-admin, system:*, rbac-defaults label) are excluded.",
  remediation: "List the API groups, resources and verbs the subject needs instead of wildcards.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege", "https://www.cisecurity.org/benchmark/kubernetes"],
  refs: { ksv: ["KSV-0044", "KSV-0046"], kubescape: ["C-0187"], cis: ["5.1.3"] },
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const role of effectivePermissions(ctx.snapshot).roles.roles.values()) {
      if (!role.obj || role.isDefault) continue;
      for (const r of role.ownRules) {
        if (!r.rule.verbs.includes("*") || !r.rule.resources.includes("*")) continue;
        const groups = r.rule.apiGroups.map((g) => (g === "" ? '""' : g)).join(", ");
        hits.push({ object: role.obj, path: r.path, message: `${describeRole(role)} ${r.path} grants verbs ["*"] on resources ["*"] in apiGroups [${groups}]` });
      }
    }
    return hits;
  },
});
