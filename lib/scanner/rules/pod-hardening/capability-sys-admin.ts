import { definePodRule } from "../../define-rule";
import { addedCapabilityViolations } from "./_shared/capabilities";

export default definePodRule({
  id: "TWR-0118",
  name: "capability-sys-admin",
  title: "SYS_ADMIN capability added",
  severity: "high",
  theme: "pod-hardening",
  description:
    "CAP_SYS_ADMIN is the catch-all capability: mount file systems, use many namespaces and BPF operations, and more. With it, " +
    "known container escapes (cgroup release_agent, mounting the host disk) are a few commands away; it is close to privileged.",
  remediation: "Remove SYS_ADMIN from securityContext.capabilities.add. Use a CSI driver or FUSE device plugin for mounts instead.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://man7.org/linux/man-pages/man7/capabilities.7.html",
  ],
  // Kubescape C-0057 treats an added SYS_ADMIN as a privileged container, and polaris dangerousCapabilities flags
  // SYS_ADMIN, NET_ADMIN and ALL: with privileged-container and dangerous-capabilities, Tower covers both.
  // CKV_K8S_39 checks the same thing, but its fixtures count a pod without containers as failing (one case of three):
  // not claimed until the harness can record that disagreement without failing the 95% bar.
  refs: {
    ksv: ["KSV-0005"],
    kubescape: ["C-0057"],
    polaris: ["dangerousCapabilities"],
    pss: ["baseline"],
    mitre: ["T1611"],
  },
  check: (obj, pod) => addedCapabilityViolations(obj, pod, (name) => name === "SYS_ADMIN", () => "near-privileged; enables known container escapes"),
});
