import { defineSnapshotRule } from "../../define-rule";
import { defaultDenyCheck } from "./_lib/default-deny";

export default defineSnapshotRule({
  id: "TWR-0504",
  name: "no-default-deny-egress",
  title: "Namespace without a default-deny egress policy",
  severity: "low",
  theme: "network-policy",
  targets: ["Namespace", "NetworkPolicy", "Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"],
  description:
    "Without a default-deny egress policy (podSelector: {}, policyTypes containing Egress, no egress rules) a compromised pod " +
    "can reach the cloud metadata endpoint, the API server, other namespaces and the internet. A Cilium policy with an empty " +
    "endpointSelector and `egress: [{}]` counts. kube-system, kube-public and kube-node-lease are skipped.",
  remediation:
    "Apply `kind: NetworkPolicy, spec: {podSelector: {}, policyTypes: [Egress]}` in the namespace, then allow DNS (port 53 to " +
    "kube-dns) and each required destination explicitly.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic"],
  refs: {},
  check: (ctx) => defaultDenyCheck(ctx, "egress"),
});
