import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer, describeObject } from "../../pod-spec";
import { containerSecurityContext, isRecord, podSecurityContext } from "./_practice/pod-meta";

const hostProcess = (sc: Record<string, unknown>): boolean => isRecord(sc.windowsOptions) && sc.windowsOptions.hostProcess === true;

export default definePodRule({
  id: "TWR-0157",
  name: "windows-hostprocess",
  title: "Windows HostProcess container",
  severity: "high",
  theme: "pod-hardening",
  description:
    "A Windows HostProcess container runs directly on the host, with the host's network and file system and the privileges of the chosen " +
    "user account: the Windows equivalent of a privileged container.",
  remediation: "Remove windowsOptions.hostProcess (or set it to false) at pod and container level; run node-management tasks through a reviewed, dedicated namespace.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/",
  ],
  refs: {
    ksv: ["KSV-0103"],
    cis: ["5.2.11"],
    polaris: ["hostProcess"],
    pss: ["baseline"],
  },
  check: (obj, pod) => {
    const out = [];
    if (hostProcess(podSecurityContext(pod))) {
      out.push({
        path: `${pod.path}.securityContext.windowsOptions.hostProcess`,
        value: true,
        message: `${describeObject(obj)} sets ${pod.path}.securityContext.windowsOptions.hostProcess=true`,
      });
    }
    for (const c of containersOf(pod)) {
      if (!hostProcess(containerSecurityContext(c))) continue;
      out.push({
        path: `${c.path}.securityContext.windowsOptions.hostProcess`,
        value: true,
        message: `${describeContainer(obj, c)} sets securityContext.windowsOptions.hostProcess=true`,
      });
    }
    return out;
  },
});
