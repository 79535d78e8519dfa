import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { describeMounts, hostPathVolumesOf, mountsOfVolume } from "./_shared/host-paths";
import { matchPath, SENSITIVE_HOST_PATHS } from "./_shared/sensitive-paths";

export default definePodRule({
  id: "TWR-0110",
  name: "sensitive-host-path-mount",
  title: "Sensitive host path mounted",
  severity: "high",
  theme: "pod-hardening",
  description:
    "Some host directories hold the node's credentials or decide what it runs: /, /etc, /proc, /sys, /root, /home, /var/lib/kubelet, " +
    "/etc/kubernetes and the runtime's state. A pod that mounts one can read kubelet and pod credentials or take over the node.",
  remediation:
    "Remove the hostPath volume, or narrow it to the one file or directory the agent needs (for example /var/log/pods instead of /var/log) " +
    "and mount it readOnly. Get node data through the Kubernetes API, the downward API or a dedicated agent instead.",
  references: [
    "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
  ],
  // KSV-0121 checks exactly /, /boot, /dev, /etc, /lib, /proc, /sys, /usr and /var/lib/docker, all of which are here.
  refs: {
    ksv: ["KSV-0121"],
    pss: ["baseline"],
    mitre: ["T1611", "T1552"],
  },
  check: (obj, pod) =>
    hostPathVolumesOf(pod).flatMap((v) => {
      const hit = matchPath(SENSITIVE_HOST_PATHS, v.path);
      if (!hit) return [];
      const mounts = mountsOfVolume(pod, v.name);
      if (hit.writableOnly && !mounts.some((m) => !m.readOnly)) return [];
      return [{
        path: v.fieldPath,
        value: v.rawPath,
        message: `${describeObject(obj)} mounts host path ${v.rawPath} (${hit.why}) through volume '${v.name}' (${v.fieldPath}), ${describeMounts(mounts)}`,
      }];
    }),
});
