import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { describeMounts, hostPathVolumesOf, mountsOfVolume } from "./_shared/host-paths";

export default definePodRule({
  id: "TWR-0107",
  name: "hostpath-volume",
  title: "hostPath volume",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "A hostPath volume exposes part of the node's file system to the pod. It ties the pod to a node and, depending on the path " +
    "and mount mode, lets the pod read node secrets or plant files the node will execute.",
  remediation:
    "Replace the hostPath volume with an emptyDir, a ConfigMap/Secret, a PersistentVolumeClaim or a CSI driver. If a node agent truly " +
    "needs it, mount the narrowest path readOnly and keep the workload in a dedicated, exempted namespace.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
  ],
  refs: {
    ksv: ["KSV-0023"],
    kubescape: ["C-0048"],
    cis: ["5.2.12"],
    polaris: ["hostPathSet"],
    pss: ["baseline"],
    mitre: ["T1611"],
  },
  check: (obj, pod) =>
    hostPathVolumesOf(pod).map((v) => ({
      path: `${pod.path}.volumes[${v.index}].hostPath`,
      value: v.rawPath,
      message: `${describeObject(obj)} declares hostPath volume '${v.name}' (${pod.path}.volumes[${v.index}].hostPath.path=${v.rawPath || "<empty>"}), ${describeMounts(mountsOfVolume(pod, v.name))}`,
    })),
});
