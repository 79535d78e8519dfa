import { definePodRule } from "../../define-rule";
import { addedCapabilityViolations } from "./_shared/capabilities";

export default definePodRule({
  id: "TWR-0116",
  name: "capabilities-added-beyond-net-bind-service",
  title: "Capability added beyond NET_BIND_SERVICE",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "PSS restricted lets a container add back only NET_BIND_SERVICE (binding ports below 1024) after dropping ALL. Any other " +
    "added capability gives the process kernel privileges it would otherwise lack.",
  remediation:
    "Remove the capability from securityContext.capabilities.add. Listen on a port above 1024 or keep NET_BIND_SERVICE only; " +
    "move tasks that need more (chown, sysctl) into a reviewed init container or the image build.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    "https://man7.org/linux/man-pages/man7/capabilities.7.html",
  ],
  refs: {
    ksv: ["KSV-0106"],
    kubeaudit: ["capabilities"],
    pss: ["restricted"],
  },
  check: (obj, pod) => addedCapabilityViolations(obj, pod, (name) => name !== "NET_BIND_SERVICE", () => "PSS restricted allows only NET_BIND_SERVICE"),
});
