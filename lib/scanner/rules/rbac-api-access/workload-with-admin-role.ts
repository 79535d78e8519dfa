import { defineSnapshotRule } from "../../define-rule";
import { describeChain, RBAC_TARGETS, takeoverReasons, WORKLOAD_TARGETS, workloadGrantHits } from "../../rbac";

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
  check: (ctx) =>
    workloadGrantHits(
      ctx,
      (g) => {
        const reasons = takeoverReasons(g);
        return reasons.length ? reasons : undefined;
      },
      (g, reasons, more) => `through ${describeChain(g.binding, g.role)}${more} can: ${reasons.join(", ")}`,
    ),
});
