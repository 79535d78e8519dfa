import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, describeChain, describeRule, evaluate, RBAC_TARGETS, WORKLOAD_TARGETS, workloadGrantHits } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0326",
  name: "workload-sa-can-read-secrets",
  title: "Workload's ServiceAccount can read Secrets",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "A pod's ServiceAccount token is one file read away for anyone who compromises the pod. When that ServiceAccount can get, list or watch Secrets (list and watch return the values), a compromised application leaks every credential in reach, cluster-wide through a ClusterRoleBinding. Joins workloads to their ServiceAccount (serviceAccountName, default 'default') and its bindings, including those of the groups it belongs to (system:serviceaccounts[:<namespace>], system:authenticated). Reported on the workload (the Deployment, not its pods), naming the binding and role; workloads that mount no token are skipped, and Kubernetes' own bindings are excluded.",
  remediation: "Remove Secret access from the ServiceAccount's roles or restrict it with resourceNames to the Secrets the application reads; prefer mounting the Secret as a volume and set automountServiceAccountToken: false when the pod does not call the API.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets", "https://kubernetes.io/docs/concepts/security/service-accounts/"],
  refs: { kubescape: ["C-0267"] },
  targets: [...WORKLOAD_TARGETS, ...RBAC_TARGETS],
  check: (ctx) =>
    workloadGrantHits(
      ctx,
      (g) => evaluate(g.role.rules, CAPABILITIES.readSecrets, g.binding.kind === "RoleBinding"),
      (g, rules, more) => `can read Secrets ${g.namespace ? `in namespace '${g.namespace}'` : "in all namespaces"} through ${describeChain(g.binding, g.role)}${more}: ${describeRule(rules[0])}`,
    ),
});
