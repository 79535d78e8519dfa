import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";

export default definePodRule({
  id: "TWR-0103",
  name: "host-pid",
  title: "Host PID namespace shared",
  severity: "high",
  theme: "pod-hardening",
  description: "A pod with hostPID=true sees every process on the node, can read their environment and /proc entries (secrets included) and, with ptrace rights, inject into them.",
  remediation: "Remove hostPID from the pod spec (or set it to false). Node agents that truly need it belong in a dedicated namespace with a documented exemption.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context",
  ],
  refs: {
    ksv: ["KSV-0010"],
    kubescape: ["C-0038", "C-0275"],
    cis: ["5.2.3"],
    polaris: ["hostPIDSet"],
    checkov: ["CKV_K8S_17"],
    pss: ["baseline"],
    nsa: ["C-0038"],
    mitre: ["T1611"],
  },
  check: (obj, pod) =>
    pod.spec.hostPID === true
      ? [{ path: `${pod.path}.hostPID`, value: true, message: `${describeObject(obj)} sets ${pod.path}.hostPID=true` }]
      : [],
});
