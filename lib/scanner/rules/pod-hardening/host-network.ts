import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";

export default definePodRule({
  id: "TWR-0105",
  name: "host-network",
  title: "Host network namespace shared",
  severity: "high",
  theme: "pod-hardening",
  description: "A pod with hostNetwork=true sees all network traffic of the node, can bind any node port and reaches services listening on localhost (kubelet, node agents), bypassing NetworkPolicies.",
  remediation: "Remove hostNetwork from the pod spec (or set it to false). Node agents that truly need it belong in a dedicated namespace with a documented exemption.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context",
  ],
  refs: {
    ksv: ["KSV-0009"],
    kubescape: ["C-0041"],
    cis: ["5.2.5"],
    polaris: ["hostNetworkSet"],
    checkov: ["CKV_K8S_19"],
    pss: ["baseline"],
    nsa: ["C-0041"],
    mitre: ["T1611"],
  },
  check: (obj, pod) =>
    pod.spec.hostNetwork === true
      ? [{ path: `${pod.path}.hostNetwork`, value: true, message: `${describeObject(obj)} sets ${pod.path}.hostNetwork=true` }]
      : [],
});
