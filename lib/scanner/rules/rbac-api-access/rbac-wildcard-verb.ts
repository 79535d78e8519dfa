import { defineSnapshotRule } from "../../define-rule";
import { describeRole, effectivePermissions, RBAC_TARGETS } from "../../rbac";
import type { Hit } from "../../types";

export default defineSnapshotRule({
  id: "TWR-0303",
  name: "rbac-wildcard-verb",
  title: "Role rule grants every verb on its resources",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "verbs: [\"*\"] grants every verb on the listed resources, including the dangerous ones that are easy to forget: escalate and bind on roles, impersonate on serviceaccounts, deletecollection, and verbs added in future releases. This is about how the role is written, so it is reported on the Role/ClusterRole, at the rule's verbs; rules whose resources are also \"*\" are reported by rbac-wildcard-any-any instead. Roles that ship with Kubernetes (system:*, rbac-defaults label, admin/edit/view) are excluded.",
  remediation: "List the verbs the subject needs (for example get, list, watch) instead of \"*\".",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege", "https://www.cisecurity.org/benchmark/kubernetes"],
  refs: { ksv: ["KSV-0045"], kubescape: ["C-0187"], cis: ["5.1.3"] },
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const role of effectivePermissions(ctx.snapshot).roles.roles.values()) {
      if (!role.obj || role.isDefault) continue;
      for (const r of role.ownRules) {
        if (!r.rule.verbs.includes("*") || !r.rule.resources.length || r.rule.resources.includes("*")) continue;
        hits.push({ object: role.obj, path: `${r.path}.verbs`, value: "*", message: `${describeRole(role)} ${r.path} grants verbs ["*"] on [${r.rule.resources.join(", ")}]` });
      }
    }
    return hits;
  },
});
