import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, effectivePermissions, RBAC_TARGETS, type EffectivePermissions } from "../../rbac";

/** ServiceAccounts of a namespace that hold their own (non-default) bindings: what a pod creator can become. */
const privilegedSAs = (perms: EffectivePermissions): Map<string, string[]> => {
  const byNs = new Map<string, Set<string>>();
  for (const g of perms.grants) {
    if (g.subject.kind !== "ServiceAccount" || g.binding.isDefault) continue;
    const ns = g.subject.namespace ?? "";
    if (!byNs.has(ns)) byNs.set(ns, new Set());
    byNs.get(ns)!.add(`'${g.subject.name}' (${g.role.kind} '${g.role.name}')`);
  }
  return new Map([...byNs].map(([ns, set]) => [ns, [...set].sort()]));
};

export default defineSnapshotRule({
  id: "TWR-0315",
  name: "rbac-create-workloads",
  title: "RBAC grants creating pods or pod controllers",
  severity: "medium",
  theme: "rbac-api-access",
  description:
    "Whoever can create pods (directly or through Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs or ReplicationControllers) can run a pod as any ServiceAccount of the namespace and mount any of its Secrets, so it holds the union of their rights; cluster-wide, that includes kube-system. Reported on each binding that grants it (naming its subjects, its role and the ServiceAccounts it reaches), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Grant workload creation only in the namespaces a team owns, keep privileged ServiceAccounts out of those namespaces, and enforce Pod Security admission (restricted) there.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation", "https://www.cisecurity.org/benchmark/kubernetes"],
  refs: { ksv: ["KSV-0048"], kubescape: ["C-0188"], cis: ["5.1.4"] },
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const sas = ctx.snapshot.memo("rbac:privileged-sas-by-namespace", () => privilegedSAs(effectivePermissions(ctx.snapshot)));
    return capabilityHits(ctx, CAPABILITIES.createWorkloads, {
      note: (b) => {
        if (b.kind === "ClusterRoleBinding") return "This reaches every ServiceAccount of the cluster, kube-system included";
        const list = sas.get(b.namespace ?? "") ?? [];
        return list.length ? `ServiceAccounts of that namespace with their own bindings: ${list.slice(0, 5).join(", ")}${list.length > 5 ? ` and ${list.length - 5} more` : ""}` : "";
      },
    });
  },
});
