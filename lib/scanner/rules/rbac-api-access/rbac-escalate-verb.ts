import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0308",
  name: "rbac-escalate-verb",
  title: "RBAC grants escalate on roles",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "The escalate verb on roles or clusterroles lets a subject write a role with permissions it does not hold itself, bypassing RBAC's escalation prevention: it can give itself cluster-admin. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove escalate from the role's verbs (and avoid verbs: [\"*\"] on roles/clusterroles). Only the RBAC administrators' own tooling should hold it.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping"],
  refs: { kubescape: ["C-0191"], cis: ["5.1.8"], checkov: ["CKV_K8S_158"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.escalate),
});
