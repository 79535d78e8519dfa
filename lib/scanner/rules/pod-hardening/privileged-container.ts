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
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  ],
  // Kubescape C-0057 also counts an added SYS_ADMIN as privileged: Tower reports that as capability-sys-admin,
  // which claims C-0057 too, so the two rules together are C-0057. Kubeaudit "privileged" is not claimed: it
  // fires when privileged is merely unset (PrivilegedNil), which PSS allows.
  refs: {
    ksv: ["KSV-0017"],
    kubescape: ["C-0057"],
    cis: ["5.2.2"],
    polaris: ["runAsPrivileged"],
    checkov: ["CKV_K8S_16"],
    kubescore: ["container-security-context-privileged"],
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
