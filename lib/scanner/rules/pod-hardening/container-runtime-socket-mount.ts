import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { describeMounts, hostPathVolumesOf, mountsOfVolume } from "./_shared/host-paths";
import { matchPath, RUNTIME_SOCKET_PATHS } from "./_shared/sensitive-paths";

export default definePodRule({
  id: "TWR-0109",
  name: "container-runtime-socket-mount",
  title: "Container runtime socket mounted",
  severity: "critical",
  theme: "pod-hardening",
  description:
    "Whoever can talk to the container runtime's socket (Docker, containerd, CRI-O) can start a privileged container on the node " +
    "and read every other container's file system and secrets: it is root on the node. A readOnly mount does not help, since " +
    "connecting to a socket is not a write.",
  remediation:
    "Remove the hostPath volume for the runtime socket (or its directory, /run or /var/run). Build images with a rootless builder " +
    "(BuildKit rootless, kaniko, buildah) and read container metadata from the Kubernetes API or the kubelet instead.",
  references: [
    "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://docs.docker.com/engine/security/#docker-daemon-attack-surface",
  ],
  refs: {
    ksv: ["KSV-0006"],
    kubescape: ["C-0074"],
    checkov: ["CKV_K8S_27"],
    pss: ["baseline"],
    mitre: ["T1611", "T1610"],
  },
  check: (obj, pod) =>
    hostPathVolumesOf(pod).flatMap((v) => {
      const hit = matchPath(RUNTIME_SOCKET_PATHS, v.path);
      if (!hit) return [];
      return [{
        path: v.fieldPath,
        value: v.rawPath,
        message: `${describeObject(obj)} mounts the ${hit.why} from the host: volume '${v.name}' sets ${v.fieldPath}=${v.rawPath}, ${describeMounts(mountsOfVolume(pod, v.name))}`,
      }];
    }),
});
