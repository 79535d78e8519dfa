import { defineSnapshotRule } from "../../define-rule";
import { describeChain, describeWorkload, effectivePermissions, grantsFor, RBAC_TARGETS, serviceAccountOf, takeoverReasons, WORKLOAD_TARGETS, workloadsByServiceAccount } from "../../rbac";
import type { Hit } from "../../types";

export default defineSnapshotRule({
  id: "TWR-0327",
  name: "workload-with-admin-role",
  title: "Workload's ServiceAccount has admin or cluster-takeover rights",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "Operators and controllers often run with cluster-admin or wildcard roles; whoever compromises one of their pods (a vulnerable dependency, an exposed debug port) owns the cluster through the mounted token. Reported on the workload when its ServiceAccount (or a group it belongs to) holds cluster-admin or every permission of a namespace, escalate/bind/impersonate, or, cluster-wide or in kube-system, the ability to create pods, mint ServiceAccount tokens, write RBAC, use nodes/proxy, change admission webhooks, approve CSRs or kube-system ConfigMaps. Reading Secrets is reported by workload-sa-can-read-secrets. Workloads that mount no token are skipped; Kubernetes' own bindings are excluded.",
  remediation: "Give the workload a dedicated ServiceAccount with a role listing only the resources and verbs it uses (most operators document one), scoped with RoleBindings to the namespaces it manages.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege", "https://kubernetes.io/docs/concepts/security/service-accounts/"],
  refs: { kubescape: ["C-0267"] },
  targets: [...WORKLOAD_TARGETS, ...RBAC_TARGETS],
  check: (ctx) => {
    const perms = effectivePermissions(ctx.snapshot);
    const hits: Hit[] = [];
    for (const workloads of workloadsByServiceAccount(ctx.snapshot).values()) {
      const sa = serviceAccountOf(workloads[0]);
      const found = grantsFor(perms, sa)
        .filter((g) => !g.binding.isDefault)
        .map((g) => ({ g, reasons: takeoverReasons(g) }))
        .filter((x) => x.reasons.length)
        .sort((a, b) => Number(!!a.g.namespace) - Number(!!b.g.namespace));
      if (!found.length) continue;
      const { g, reasons } = found[0];
      const more = found.length > 1 ? ` (and ${found.length - 1} more binding${found.length > 2 ? "s" : ""})` : "";
      for (const w of workloads) {
        if (!w.mountsToken) continue;
        hits.push({
          object: w.obj,
          path: w.saPath,
          value: sa.name,
          message: `${describeWorkload(w)} run as ServiceAccount '${sa.namespace}/${sa.name}', which through ${describeChain(g.binding, g.role)}${more} can: ${reasons.join(", ")}`,
        });
      }
    }
    return hits;
  },
});
