import { defineSnapshotRule } from "../../define-rule";
import { defaultDenyCheck } from "./_lib/default-deny";

export default defineSnapshotRule({
  id: "TWR-0503",
  name: "no-default-deny-ingress",
  title: "Namespace without a default-deny ingress policy",
  severity: "medium",
  theme: "network-policy",
  targets: ["Namespace", "NetworkPolicy", "Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"],
  description:
    "Without a default-deny ingress policy (podSelector: {}, policyTypes containing Ingress, no ingress rules) every new pod " +
    "in the namespace, and every pod whose labels no policy happens to match, accepts connections from the whole cluster. A " +
    "Cilium policy with an empty endpointSelector and `ingress: [{}]` counts. kube-system, kube-public and kube-node-lease are skipped.",
  remediation:
    "Apply `kind: NetworkPolicy, spec: {podSelector: {}, policyTypes: [Ingress]}` in the namespace, then allow the needed " +
    "ingress flows with narrower policies.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic"],
  refs: {},
  check: (ctx) => defaultDenyCheck(ctx, "ingress"),
});
