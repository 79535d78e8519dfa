import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0309",
  name: "rbac-bind-verb",
  title: "RBAC grants bind on roles",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "The bind verb on roles or clusterroles lets a subject create bindings to roles whose permissions it does not hold; with create on rolebindings it can bind itself (or any service account) to cluster-admin. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove bind from the role's verbs, or restrict it with resourceNames to the few harmless roles a delegated administrator may hand out.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#bind-verb", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#restrictions-on-role-binding-creation-or-update"],
  refs: { kubescape: ["C-0191"], cis: ["5.1.8"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.bind),
});
