import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import { containerSecurityContext } from "./_practice/pod-meta";

export default definePodRule({
  id: "TWR-0155",
  name: "proc-mount-unmasked",
  title: "/proc mounted unmasked",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "procMount: Unmasked removes the masking of sensitive /proc paths (/proc/kcore, /proc/sys, ...) that the runtime applies by default, " +
    "exposing host kernel information and interfaces. With a user namespace (spec.hostUsers: false) the PSS baseline allows it, and so does this rule.",
  remediation: "Remove securityContext.procMount or set it to Default. If an unmasked /proc is really needed, run the pod in a user namespace (spec.hostUsers: false).",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1",
  ],
  refs: {
    ksv: ["KSV-0027"],
    polaris: ["procMount"],
    pss: ["baseline"],
  },
  check: (obj, pod) => {
    if (pod.spec.hostUsers === false) return [];
    return containersOf(pod).flatMap((c) => {
      const value = containerSecurityContext(c).procMount;
      if (value === undefined || value === null || value === "Default") return [];
      return [{ path: `${c.path}.securityContext.procMount`, value, message: `${describeContainer(obj, c)} sets securityContext.procMount=${String(value)}` }];
    });
  },
});
