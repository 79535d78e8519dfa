import { definePodRule } from "../../define-rule";
import { describeContainer } from "../../pod-spec";
import { hostPathVolumesOf, mountsOfVolume } from "./_shared/host-paths";

export default definePodRule({
  id: "TWR-0108",
  name: "hostpath-writable",
  title: "hostPath volume mounted writable",
  severity: "high",
  theme: "pod-hardening",
  description:
    "A container that can write to a host directory can change what the node runs: plant binaries, cron jobs or static pod " +
    "manifests, follow symlinks out of the directory, or fill the node's disk.",
  remediation: "Set volumeMounts[].readOnly: true on every mount of a hostPath volume (or drop the hostPath volume altogether).",
  references: [
    "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
  ],
  refs: {
    kubescape: ["C-0045"],
    pss: ["baseline"],
    mitre: ["T1611"],
  },
  check: (obj, pod) =>
    hostPathVolumesOf(pod).flatMap((v) =>
      mountsOfVolume(pod, v.name)
        .filter((m) => !m.readOnly)
        .map((m) => ({
          path: `${m.fieldPath}.readOnly`,
          value: m.c.container.volumeMounts?.[m.index]?.readOnly,
          message: `${describeContainer(obj, m.c)} mounts hostPath volume '${v.name}' (${v.rawPath}) at ${m.mountPath} without volumeMounts[${m.index}].readOnly=true`,
          extraPaths: [{ path: v.fieldPath, value: v.rawPath }],
        })),
    ),
});
