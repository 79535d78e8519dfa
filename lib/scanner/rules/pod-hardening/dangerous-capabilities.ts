import { definePodRule } from "../../define-rule";
import { addedCapabilityViolations } from "./_shared/capabilities";

const DANGEROUS: Record<string, string> = {
  ALL: "every capability, SYS_ADMIN included",
  SYS_MODULE: "load kernel modules",
  SYS_PTRACE: "trace and inject into other processes",
  NET_ADMIN: "reconfigure interfaces, routes and firewall rules",
  BPF: "load BPF programs",
  PERFMON: "kernel performance monitoring and BPF tracing",
  SYS_RAWIO: "raw I/O to devices and memory",
  DAC_READ_SEARCH: "bypass read permission checks and open files by handle (the 'shocker' escape)",
};

export default definePodRule({
  id: "TWR-0120",
  name: "dangerous-capabilities",
  title: "Dangerous capability added",
  severity: "high",
  theme: "pod-hardening",
  description:
    "ALL, SYS_MODULE, SYS_PTRACE, NET_ADMIN, BPF, PERFMON, SYS_RAWIO and DAC_READ_SEARCH each give a container a direct path to the " +
    "kernel or to other processes and are used in known container escapes. (SYS_ADMIN and NET_RAW have their own rules.)",
  remediation: "Remove the capability from securityContext.capabilities.add; run node agents that need it in a dedicated, exempted namespace.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://man7.org/linux/man-pages/man7/capabilities.7.html",
  ],
  // KSV-0120 is SYS_MODULE alone; polaris dangerousCapabilities (ALL, NET_ADMIN, SYS_ADMIN) is covered with capability-sys-admin.
  refs: {
    ksv: ["KSV-0120"],
    polaris: ["dangerousCapabilities"],
    pss: ["baseline"],
    mitre: ["T1611"],
  },
  check: (obj, pod) => addedCapabilityViolations(obj, pod, (name) => Object.hasOwn(DANGEROUS, name), (name) => DANGEROUS[name]),
});
