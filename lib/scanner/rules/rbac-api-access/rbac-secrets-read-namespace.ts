import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0325",
  name: "rbac-secrets-read-namespace",
  title: "RBAC grants reading Secrets of a namespace",
  severity: "medium",
  theme: "rbac-api-access",
  description:
    "get, list or watch on secrets through a RoleBinding reads every Secret of that namespace, including the tokens of its ServiceAccounts: list and watch return the values too, not just the names. Rules restricted by resourceNames are not counted. Reported on each RoleBinding that grants it (naming its subjects and role), or on the Role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Restrict the rule with resourceNames to the Secrets the subject really reads, and prefer get over list/watch.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets", "https://www.cisecurity.org/benchmark/kubernetes"],
  refs: { ksv: ["KSV-0113"], kubescape: ["C-0015", "C-0186"], cis: ["5.1.2"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.readSecrets, { bindingKinds: ["RoleBinding"], roleKinds: ["Role"] }),
});
