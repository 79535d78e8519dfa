import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { isRecord } from "./_practice/pod-meta";

/** Volume sources the Pod Security Standards (restricted) allow; hostPath has its own rule. */
const ALLOWED = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret", "image", "hostPath"]);

export default definePodRule({
  id: "TWR-0158",
  name: "restricted-volume-types",
  title: "Volume type outside the restricted set",
  severity: "low",
  theme: "pod-hardening",
  description:
    "In-tree volume plugins (nfs, iscsi, rbd, cephfs, gitRepo, flexVolume, cloud disks, ...) are mounted by the kubelet with node " +
    "credentials and bypass the PersistentVolumeClaim workflow; gitRepo runs git on the host. The restricted profile allows only " +
    "configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret. hostPath is reported by its own rule.",
  remediation: "Replace the volume with a PersistentVolumeClaim (backed by a PersistentVolume or CSI driver), a CSI ephemeral volume, or an init container that fetches the data.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    "https://kubernetes.io/docs/concepts/storage/volumes/",
  ],
  refs: {
    ksv: ["KSV-0028"],
    pss: ["restricted"],
  },
  check: (obj, pod) => {
    const volumes = pod.spec.volumes;
    if (!Array.isArray(volumes)) return [];
    return volumes.flatMap((v, i) => {
      if (!isRecord(v)) return [];
      const types = Object.keys(v).filter((k) => k !== "name" && v[k] !== null && v[k] !== undefined && !ALLOWED.has(k));
      return types.map((type) => ({
        path: `${pod.path}.volumes[${i}].${type}`,
        value: type,
        message: `${describeObject(obj)} mounts volume '${String(v.name ?? i)}' of type ${type} (${pod.path}.volumes[${i}].${type})`,
      }));
    });
  },
});
