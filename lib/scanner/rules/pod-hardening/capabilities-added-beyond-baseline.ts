import { definePodRule } from "../../define-rule";
import { addedCapabilityViolations, PSS_BASELINE_CAPABILITIES } from "./_shared/capabilities";

export default definePodRule({
  id: "TWR-0117",
  name: "capabilities-added-beyond-baseline",
  title: "Capability added beyond the PSS baseline set",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "PSS baseline allows a container to add only the capabilities that runtimes grant by default (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, " +
    "FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Anything else (NET_RAW, " +
    "SYS_ADMIN, NET_ADMIN, SYS_PTRACE, ALL, ...) grants real kernel privileges.",
  remediation:
    "Remove the capability from securityContext.capabilities.add. If a node agent needs it, run it in a dedicated namespace " +
    "with a documented exemption.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://man7.org/linux/man-pages/man7/capabilities.7.html",
  ],
  // Kubescape C-0046 uses its own insecure list (it includes SETPCAP, which PSS baseline allows); every case in its
  // fixtures adds a capability outside the baseline set. KSV-0022 and CKV_K8S_25 flag any added capability and are not claimed.
  refs: {
    kubescape: ["C-0046"],
    cis: ["5.2.9"],
    pss: ["baseline"],
    nsa: ["C-0046"],
  },
  check: (obj, pod) =>
    addedCapabilityViolations(obj, pod, (name) => !PSS_BASELINE_CAPABILITIES.has(name), () => "outside the PSS baseline set"),
});
