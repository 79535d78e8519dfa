import { defineSnapshotRule } from "../../define-rule";
import type { Hit } from "../../types";
import { isEmptySelector, networkIndex } from "./_lib/policies";

export default defineSnapshotRule({
  id: "TWR-0501",
  name: "namespace-without-networkpolicy",
  title: "Namespace without any NetworkPolicy",
  severity: "medium",
  theme: "network-policy",
  targets: ["Namespace", "NetworkPolicy", "Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet"],
  description:
    "Pods accept traffic from anywhere and reach anything until a NetworkPolicy selects them: in a namespace with no policy at " +
    "all, one compromised pod anywhere in the cluster can talk to every pod here. A namespace counts when a Namespace object " +
    "or a workload names it; a Cilium(Clusterwide)NetworkPolicy that covers it (namespaced, or cluster-wide with an empty " +
    "endpointSelector) counts as a policy. kube-system, kube-public and kube-node-lease are skipped, as kubescape does.",
  remediation:
    "Add a default-deny NetworkPolicy to the namespace (podSelector: {}, policyTypes: [Ingress, Egress]) and then policies " +
    "that allow only the flows each application needs (DNS egress included).",
  references: [
    "https://kubernetes.io/docs/concepts/services-networking/network-policies/",
    "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies",
  ],
  refs: { kubescape: ["C-0206"], cis: ["5.3.2"] },
  check: (ctx) => {
    const index = networkIndex(ctx.snapshot);
    const hits: Hit[] = [];
    for (const { name, obj } of index.userNamespaces()) {
      const covered = index.policiesIn(name).some((p) => p.namespace !== undefined || isEmptySelector(p.selector));
      if (!covered) hits.push({ object: obj, path: "metadata.name", value: name, message: `Namespace '${name}' has no NetworkPolicy: its pods are open to all traffic` });
    }
    return hits;
  },
});
