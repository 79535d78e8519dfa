import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import { containerSecurityContext, isWindowsPod } from "./_practice/pod-meta";

export default definePodRule({
  id: "TWR-0150",
  name: "readonly-root-filesystem",
  title: "Container root filesystem is writable",
  severity: "low",
  theme: "pod-hardening",
  description:
    "A writable root filesystem lets an attacker who gets code execution drop tools, modify binaries or persist in the container. " +
    "readOnlyRootFilesystem is a container-level field only; there is no pod-level default.",
  remediation:
    "Set securityContext.readOnlyRootFilesystem: true on every container and mount an emptyDir volume on the paths the process must write (e.g. /tmp).",
  references: [
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
    "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1",
  ],
  refs: {
    ksv: ["KSV-0014"],
    kubescape: ["C-0017"],
    polaris: ["notReadOnlyRootFilesystem"],
    checkov: ["CKV_K8S_22"],
    kubescore: ["container-security-context-readonlyrootfilesystem"],
    nsa: ["C-0017"],
  },
  check: (obj, pod) => {
    // The kubelet ignores readOnlyRootFilesystem on Windows nodes.
    if (isWindowsPod(pod)) return [];
    return containersOf(pod).flatMap((c) => {
      const value = containerSecurityContext(c).readOnlyRootFilesystem;
      if (value === true) return [];
      const path = `${c.path}.securityContext.readOnlyRootFilesystem`;
      return [{
        path,
        ...(value !== undefined ? { value } : {}),
        message: value === false
          ? `${describeContainer(obj, c)} sets securityContext.readOnlyRootFilesystem=false`
          : `${describeContainer(obj, c)} does not set securityContext.readOnlyRootFilesystem=true`,
      }];
    });
  },
});
