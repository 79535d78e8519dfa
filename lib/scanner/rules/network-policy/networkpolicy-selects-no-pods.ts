import { defineSnapshotRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import type { Hit } from "../../types";
import { isEmptySelector, networkIndex } from "./_lib/policies";
import { matchesSelector } from "./_lib/selectors";

export default defineSnapshotRule({
  id: "TWR-0507",
  name: "networkpolicy-selects-no-pods",
  title: "NetworkPolicy selects no pods",
  severity: "low",
  theme: "network-policy",
  targets: ["NetworkPolicy"],
  description:
    "A NetworkPolicy whose podSelector matches no workload in its namespace protects nothing: usually a label typo or a policy " +
    "left behind, while the pods it was written for stay open. Pod templates of controllers count (Deployment, StatefulSet, " +
    "CronJob, ...); an empty podSelector always selects. When the scan holds only part of the cluster, check the labels of the intended pods.",
  remediation: "Fix spec.podSelector to match the intended pods' labels (matchLabels / matchExpressions), or delete the stale policy.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource"],
  refs: { kubescape: ["C-0299"], kubescore: ["networkpolicy-targets-pod"] },
  check: (ctx) => {
    const index = networkIndex(ctx.snapshot);
    const hits: Hit[] = [];
    for (const p of index.policies) {
      if (p.cilium || isEmptySelector(p.selector) || p.namespace === undefined) continue;
      const ns = p.namespace;
      if (index.workloadsIn(ns).some((w) => matchesSelector(p.selector, w.labels))) continue;
      hits.push({ object: p.obj, path: "spec.podSelector", value: p.selector, message: `${describeObject(p.obj)} spec.podSelector matches no pod in namespace '${ns}'` });
    }
    return hits;
  },
});
