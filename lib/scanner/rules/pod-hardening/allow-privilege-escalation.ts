import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import { isWindowsPod } from "./_shared/capabilities";

export default definePodRule({
  id: "TWR-0111",
  name: "allow-privilege-escalation",
  title: "Privilege escalation allowed",
  severity: "high",
  theme: "pod-hardening",
  description:
    "Unless allowPrivilegeEscalation is false, a process in the container can gain more privileges than its parent (setuid " +
    "binaries, file capabilities): the no_new_privs flag is not set. Kubernetes defaults it to true, so it must be set explicitly.",
  remediation:
    "Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container (there is no " +
    "pod-level field). It cannot be combined with privileged: true or an added SYS_ADMIN capability; remove those first.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  ],
  // Kubeaudit "privesc" is not claimed: its fixtures honour kubeaudit's own override labels, which Tower does not read.
  refs: {
    ksv: ["KSV-0001"],
    kubescape: ["C-0016"],
    cis: ["5.2.6"],
    polaris: ["privilegeEscalationAllowed"],
    checkov: ["CKV_K8S_20"],
    pss: ["restricted"],
    nsa: ["C-0016"],
    mitre: ["T1548"],
  },
  check: (obj, pod) =>
    // PSS restricted exempts Windows pods from this control.
    isWindowsPod(pod)
      ? []
      : containersOf(pod)
          .filter((c) => c.container.securityContext?.allowPrivilegeEscalation !== false)
          .map((c) => {
            const value = c.container.securityContext?.allowPrivilegeEscalation;
            return {
              path: `${c.path}.securityContext.allowPrivilegeEscalation`,
              value,
              message:
                value === true
                  ? `${describeContainer(obj, c)} sets securityContext.allowPrivilegeEscalation=true`
                  : `${describeContainer(obj, c)} does not set securityContext.allowPrivilegeEscalation=false (it defaults to true)`,
            };
          }),
});
