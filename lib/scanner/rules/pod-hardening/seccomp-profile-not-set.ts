import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer, describeObject } from "../../pod-spec";
import { isWindowsPod } from "./_practice/pod-meta";
import { effectiveProfile, SECCOMP } from "./_practice/profiles";

export default definePodRule({
  id: "TWR-0152",
  name: "seccomp-profile-not-set",
  title: "No seccomp profile (RuntimeDefault or Localhost)",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "Without a seccomp profile most container runtimes run the process unconfined, with the full syscall surface of the kernel. " +
    "A profile set at pod level applies to every container that does not set its own; legacy seccomp annotations are honoured.",
  remediation:
    "Set spec.securityContext.seccompProfile.type: RuntimeDefault at pod level (or Localhost with a reviewed profile), " +
    "or enable the kubelet's --seccomp-default so RuntimeDefault applies cluster-wide.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    "https://kubernetes.io/docs/tutorials/security/seccomp/",
  ],
  refs: {
    ksv: ["KSV-0030"],
    cis: ["5.7.2"],
    checkov: ["CKV_K8S_31"],
    pss: ["restricted"],
  },
  check: (obj, pod) => {
    if (isWindowsPod(pod)) return [];
    const containers = containersOf(pod);
    // Unconfined is reported by seccomp-unconfined; this rule reports missing and invalid profiles.
    const unset = containers
      .map((c) => ({ c, p: effectiveProfile(pod, c, SECCOMP) }))
      .filter(({ p }) => !p || (p.type !== "RuntimeDefault" && p.type !== "Localhost" && p.type !== "Unconfined"));
    if (!unset.length) return [];
    if (unset.length === containers.length && unset.every(({ p }) => !p)) {
      return [{
        path: `${pod.path}.securityContext.seccompProfile`,
        message: `${describeObject(obj)} sets no seccomp profile: neither ${pod.path}.securityContext.seccompProfile nor any container's securityContext.seccompProfile is RuntimeDefault or Localhost`,
      }];
    }
    return unset.map(({ c, p }) =>
      p
        ? { path: p.path, value: p.type, message: `${describeContainer(obj, c)} has an invalid seccomp profile type '${p.type}' at ${p.path}` }
        : {
            path: `${c.path}.securityContext.seccompProfile`,
            message: `${describeContainer(obj, c)} has no seccomp profile: neither its securityContext.seccompProfile nor the pod's is RuntimeDefault or Localhost`,
          },
    );
  },
});
