import { defineSnapshotRule } from "../../define-rule";
import { describeChain, describeSubjects, effectivePermissions, grantsOnlyDiscovery, RBAC_TARGETS, subjectPaths } from "../../rbac";
import type { Hit } from "../../types";

/** Groups every authenticated identity (or every ServiceAccount of every pod) belongs to. */
const BROAD_GROUPS = new Set(["system:authenticated", "system:serviceaccounts"]);

export default defineSnapshotRule({
  id: "TWR-0306",
  name: "system-authenticated-elevated-binding",
  title: "RBAC grants more than discovery to all authenticated users",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "Group system:authenticated holds every user and every ServiceAccount of the cluster (and, on some managed platforms, any account of the cloud provider); system:serviceaccounts holds the identity of every pod. Binding either to a role that grants more than discovery (health/version endpoints, self access reviews) gives that access to any compromised pod or user. Reported on the binding, with the group and the role; Kubernetes' own discovery bindings (system:basic-user, system:discovery, system:public-info-viewer) grant only discovery and are not reported.",
  remediation: "Bind the role to the specific users, groups or ServiceAccounts that need it instead of system:authenticated or system:serviceaccounts.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
  refs: {},
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const b of effectivePermissions(ctx.snapshot).bindings) {
      const broad = new Set(b.subjects.filter((s) => s.subject.kind === "Group" && BROAD_GROUPS.has(s.subject.name)).map((s) => s.index));
      if (!broad.size || !b.role || grantsOnlyDiscovery(b.role)) continue;
      const pick = (i: number) => broad.has(i);
      const rules = b.role.rules.filter((r) => r.rule.resources.length).slice(0, 3).map((r) => `[${r.rule.verbs.join(", ")}] on [${r.rule.resources.join(", ")}]`);
      hits.push({
        object: b.obj,
        path: "roleRef.name",
        value: b.roleRef.name,
        message: `${describeChain(b, b.role)} grants ${describeSubjects(b, pick)} ${b.kind === "RoleBinding" ? `in namespace '${b.namespace}'` : "cluster-wide"}: ${rules.join("; ")}`,
        extraPaths: subjectPaths(b, pick),
      });
    }
    return hits;
  },
});
