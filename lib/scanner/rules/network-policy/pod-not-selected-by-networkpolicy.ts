import { defineSnapshotRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import type { Hit } from "../../types";
import { labelsPath, networkIndex, selects, SYSTEM_NAMESPACES } from "./_lib/policies";

export default defineSnapshotRule({
  id: "TWR-0502",
  name: "pod-not-selected-by-networkpolicy",
  title: "Workload not isolated by a NetworkPolicy",
  severity: "medium",
  theme: "network-policy",
  targets: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "ReplicationController"],
  description:
    "A pod is isolated for a direction only when some policy selects it and lists that direction in policyTypes (without " +
    "policyTypes: Ingress always, Egress only when the policy has an egress section). An ingress-only policy leaves egress " +
    "wide open, so exfiltration and lateral movement stay possible. Ingress and egress are reported separately. Cilium " +
    "policies count (endpointSelector, ingress/egress sections). Workloads in kube-system, kube-public and kube-node-lease are skipped.",
  remediation:
    "Select the workload's pod labels with a NetworkPolicy whose policyTypes include the missing direction, or add a " +
    "namespace default-deny policy (podSelector: {}) for it, then allow the required flows explicitly.",
  references: [
    "https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation",
    "https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/",
  ],
  refs: { kubescore: ["pod-networkpolicy"], cis: ["5.3.2"] },
  check: (ctx) => {
    const index = networkIndex(ctx.snapshot);
    const hits: Hit[] = [];
    for (const w of index.workloads) {
      if (SYSTEM_NAMESPACES.has(w.namespace)) continue;
      const policies = index.policiesIn(w.namespace).filter((p) => selects(p, w.namespace, w.labels));
      for (const direction of ["ingress", "egress"] as const) {
        if (policies.some((p) => p[direction])) continue;
        hits.push({
          object: w.obj,
          path: labelsPath(w.pod),
          value: w.labels ?? {},
          message: `${describeObject(w.obj)} in namespace '${w.namespace}' is not selected by any NetworkPolicy with policyTypes ${direction === "ingress" ? "Ingress" : "Egress"}: its ${direction} is unrestricted`,
        });
      }
    }
    return hits;
  },
});
