import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer, effectiveSecurityContext } from "../../pod-spec";
import { usesUserNamespace } from "./_shared/user-namespace";

export default definePodRule({
  id: "TWR-0113",
  name: "run-as-uid-0",
  title: "Container runs as UID 0",
  severity: "high",
  theme: "pod-hardening",
  description:
    "runAsUser: 0 makes the container run as root explicitly, whatever the image says. Root in a container is root on the node " +
    "for every host resource the container can reach (mounts, devices, a kernel exploit).",
  remediation:
    "Set runAsUser to a non-zero UID (10000 or above avoids clashing with node users), or remove it and build the image with a " +
    "non-root USER; add runAsNonRoot: true so the kubelet enforces it. A container-level runAsUser overrides the pod's.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  ],
  refs: {
    ksv: ["KSV-0105"],
    cis: ["5.2.7"],
    pss: ["restricted"],
    nsa: ["C-0013"],
  },
  check: (obj, pod) => {
    if (usesUserNamespace(pod)) return [];
    return containersOf(pod).flatMap((c) => {
      const { sc, from } = effectiveSecurityContext(pod, c);
      if (sc.runAsUser !== 0) return [];
      const path = from.runAsUser;
      const inherited = path.startsWith(`${c.path}.`) ? "" : " (inherited from the pod securityContext)";
      return [{ path, value: 0, message: `${describeContainer(obj, c)} runs as UID 0: ${path}=0${inherited}` }];
    });
  },
});
