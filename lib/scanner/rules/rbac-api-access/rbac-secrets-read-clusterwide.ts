import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0324",
  name: "rbac-secrets-read-clusterwide",
  title: "RBAC grants reading Secrets in all namespaces",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "get, list or watch on secrets through a ClusterRoleBinding reads every Secret of the cluster, including ServiceAccount tokens and credentials of kube-system components: list and watch return the values too, not just the names. Rules restricted by resourceNames are not counted. Reported on each ClusterRoleBinding that grants it (naming its subjects and role), or on the ClusterRole itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Replace the ClusterRoleBinding with RoleBindings in the namespaces that need it, and restrict the rule with resourceNames to the Secrets the subject really reads.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets", "https://www.cisecurity.org/benchmark/kubernetes"],
  refs: { ksv: ["KSV-0041"], kubescape: ["C-0015", "C-0186"], cis: ["5.1.2"], checkov: ["CKV2_K8S_5"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.readSecrets, { bindingKinds: ["ClusterRoleBinding"], roleKinds: ["ClusterRole"] }),
});
