import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";

export default definePodRule({
  id: "TWR-0101",
  name: "privileged-container",
  title: "Privileged container",
  severity: "critical",
  theme: "pod-hardening",
  description:
    "A privileged container runs with all capabilities and full access to the host's devices; escaping to the node is trivial.",
  remediation: "Remove securityContext.privileged or set it to false. Grant only the specific capabilities the process needs.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  refs: {
    ksv: ["KSV-0017"],
    kubescape: ["C-0057"],
    cis: ["5.2.2"],
    polaris: ["runAsPrivileged"],
    checkov: ["CKV_K8S_16"],
    kubescore: ["container-security-context-privileged"],
    kubeaudit: ["privileged"],
    pss: ["baseline"],
    nsa: ["C-0057"],
    mitre: ["T1611"],
  },
  check: (obj, pod) =>
    containersOf(pod)
      .filter((c) => c.container.securityContext?.privileged === true)
      .map((c) => ({
        path: `${c.path}.securityContext.privileged`,
        value: true,
        message: `${describeContainer(obj, c)} sets securityContext.privileged=true`,
      })),
});
