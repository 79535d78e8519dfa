import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import { isWindowsPod } from "./_practice/pod-meta";
import { APPARMOR, effectiveProfile, isConfined } from "./_practice/profiles";

export default definePodRule({
  id: "TWR-0153",
  name: "apparmor-unconfined",
  title: "AppArmor disabled or set to an invalid profile",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "An Unconfined AppArmor profile removes the mandatory access control that the runtime's default profile applies " +
    "(mount, /proc and /sys writes). Checked in order: container appArmorProfile, the legacy " +
    "container.apparmor.security.beta.kubernetes.io/<container> annotation, then the pod's appArmorProfile. An absent profile is fine: " +
    "the runtime default applies.",
  remediation:
    "Remove appArmorProfile.type: Unconfined (or the 'unconfined' annotation); use RuntimeDefault or a Localhost profile loaded on the nodes.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/tutorials/security/apparmor/",
  ],
  refs: {
    ksv: ["KSV-0002"],
    pss: ["baseline"],
  },
  check: (obj, pod) => {
    if (isWindowsPod(pod)) return [];
    return containersOf(pod).flatMap((c) => {
      const p = effectiveProfile(pod, c, APPARMOR);
      if (!p || p.type === "" || isConfined(p)) return [];
      const inherited = p.level === "pod" ? " (inherited from the pod)" : "";
      const message = p.type === "Unconfined"
        ? `${describeContainer(obj, c)} runs without AppArmor: ${p.path} is unconfined${inherited}`
        : `${describeContainer(obj, c)} sets an AppArmor profile '${p.type}' at ${p.path}; only RuntimeDefault/runtime/default or Localhost/localhost/<profile> are allowed`;
      return [{ path: p.path, value: p.type, message }];
    });
  },
});
