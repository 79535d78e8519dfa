import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, describeChain, describeRule, describeWorkload, effectivePermissions, evaluate, grantsFor, RBAC_TARGETS, serviceAccountOf, WORKLOAD_TARGETS, workloadsByServiceAccount } from "../../rbac";
import type { Hit } from "../../types";

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
  check: (ctx) => {
    const perms = effectivePermissions(ctx.snapshot);
    const hits: Hit[] = [];
    for (const workloads of workloadsByServiceAccount(ctx.snapshot).values()) {
      const sa = serviceAccountOf(workloads[0]);
      const found = grantsFor(perms, sa)
        .filter((g) => !g.binding.isDefault)
        .map((g) => ({ g, rules: evaluate(g.role.rules, CAPABILITIES.readSecrets, g.binding.kind === "RoleBinding") }))
        .filter((x) => x.rules)
        .sort((a, b) => Number(!!a.g.namespace) - Number(!!b.g.namespace));
      if (!found.length) continue;
      const { g, rules } = found[0];
      const scope = g.namespace ? `in namespace '${g.namespace}'` : "in all namespaces";
      const more = found.length > 1 ? ` (and ${found.length - 1} more binding${found.length > 2 ? "s" : ""})` : "";
      for (const w of workloads) {
        if (!w.mountsToken) continue;
        hits.push({
          object: w.obj,
          path: w.saPath,
          value: sa.name,
          message: `${describeWorkload(w)} run as ServiceAccount '${sa.namespace}/${sa.name}', which can read Secrets ${scope} through ${describeChain(g.binding, g.role)}${more}: ${describeRule(rules![0])}`,
        });
      }
    }
    return hits;
  },
});
