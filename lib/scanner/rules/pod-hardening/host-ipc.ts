import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";

export default definePodRule({
  id: "TWR-0104",
  name: "host-ipc",
  title: "Host IPC namespace shared",
  severity: "high",
  theme: "pod-hardening",
  description: "A pod with hostIPC=true can read and write the host's shared memory segments and message queues, and so talk to or spy on any process on the node that uses System V or POSIX IPC.",
  remediation: "Remove hostIPC from the pod spec (or set it to false). Node agents that truly need it belong in a dedicated namespace with a documented exemption.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context",
  ],
  refs: {
    ksv: ["KSV-0008"],
    kubescape: ["C-0038", "C-0276"],
    cis: ["5.2.4"],
    polaris: ["hostIPCSet"],
    checkov: ["CKV_K8S_18"],
    pss: ["baseline"],
    nsa: ["C-0038"],
    mitre: ["T1611"],
  },
  check: (obj, pod) =>
    pod.spec.hostIPC === true
      ? [{ path: `${pod.path}.hostIPC`, value: true, message: `${describeObject(obj)} sets ${pod.path}.hostIPC=true` }]
      : [],
});
