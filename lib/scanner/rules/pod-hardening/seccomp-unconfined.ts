import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import { isWindowsPod } from "./_practice/pod-meta";
import { effectiveProfile, SECCOMP } from "./_practice/profiles";

export default definePodRule({
  id: "TWR-0151",
  name: "seccomp-unconfined",
  title: "Seccomp explicitly disabled (Unconfined)",
  severity: "high",
  theme: "pod-hardening",
  description:
    "An Unconfined seccomp profile gives the container the full kernel syscall surface, including syscalls used in container escapes. " +
    "The profile that counts is the container's own, then its legacy annotation, then the pod's field, then the pod's legacy annotation.",
  remediation:
    "Set securityContext.seccompProfile.type: RuntimeDefault (or Localhost with a reviewed profile) and remove seccompProfile.type: Unconfined " +
    "and any 'unconfined' seccomp.security.alpha.kubernetes.io annotation.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/tutorials/security/seccomp/",
  ],
  refs: {
    ksv: ["KSV-0104"],
    cis: ["5.7.2"],
    checkov: ["CKV_K8S_31"],
    pss: ["baseline"],
  },
  check: (obj, pod) => {
    if (isWindowsPod(pod)) return [];
    return containersOf(pod).flatMap((c) => {
      const p = effectiveProfile(pod, c, SECCOMP);
      if (!p || p.type !== "Unconfined") return [];
      const where = p.via === "field" ? `${p.path}=Unconfined` : `${p.path}=unconfined`;
      const inherited = p.level === "pod" ? " (inherited from the pod)" : "";
      return [{ path: p.path, value: p.via === "field" ? "Unconfined" : "unconfined", message: `${describeContainer(obj, c)} runs without seccomp: ${where}${inherited}` }];
    });
  },
});
