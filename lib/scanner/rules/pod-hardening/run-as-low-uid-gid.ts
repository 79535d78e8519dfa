import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer, describeObject } from "../../pod-spec";
import type { Violation } from "../../types";
import { isWindowsPod } from "./_shared/capabilities";
import { containerFieldPath, usesUserNamespace } from "./_shared/user-namespace";

const MIN_ID = 10000;

export default definePodRule({
  id: "TWR-0114",
  name: "run-as-low-uid-gid",
  title: "Container runs with a low or root UID/GID",
  severity: "low",
  theme: "pod-hardening",
  description:
    `UIDs and GIDs below ${MIN_ID} collide with users and groups on the node: after a container escape, or through a shared ` +
    "host mount, the process owns the node user's files. Group 0 (root) in fsGroup or supplementalGroups gives access to files " +
    "owned by the root group.",
  remediation:
    `Set securityContext.runAsUser (and runAsGroup, if set) to ${MIN_ID} or above at pod or container level, and keep 0 out of fsGroup ` +
    "and supplementalGroups. Alternatively run the pod in a user namespace with spec.hostUsers: false.",
  references: [
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
    "https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/",
  ],
  // Thresholds follow checkov and kube-score (>= 10000 passes); KSV-0020 also flags exactly 10000. An unset runAsGroup
  // is not flagged (checkov, KSV-0020), so KSV-0021, which demands runAsGroup, is not claimed.
  refs: {
    ksv: ["KSV-0020", "KSV-0116"],
    checkov: ["CKV_K8S_40"],
    kubescore: ["container-security-context-user-group-id"],
  },
  check: (obj, pod) => {
    if (usesUserNamespace(pod) || isWindowsPod(pod)) return [];
    const out: Violation[] = [];
    const podSc = pod.spec.securityContext ?? {};
    for (const c of containersOf(pod)) {
      const own = c.container.securityContext ?? {};
      const user = own.runAsUser ?? podSc.runAsUser;
      const userPath = own.runAsUser !== undefined ? containerFieldPath(c.path, "runAsUser") : `${pod.path}.securityContext.runAsUser`;
      if (typeof user !== "number" || user < MIN_ID) {
        out.push({
          path: user === undefined ? containerFieldPath(c.path, "runAsUser") : userPath,
          value: user,
          message:
            user === undefined
              ? `${describeContainer(obj, c)} does not set runAsUser, so it runs with the image's UID, which may be 0 or a node user's`
              : `${describeContainer(obj, c)} runs as UID ${String(user)} (${userPath}), below ${MIN_ID}`,
        });
      }
      const group = own.runAsGroup ?? podSc.runAsGroup;
      if (group !== undefined && (typeof group !== "number" || group < MIN_ID)) {
        const groupPath = own.runAsGroup !== undefined ? containerFieldPath(c.path, "runAsGroup") : `${pod.path}.securityContext.runAsGroup`;
        out.push({ path: groupPath, value: group, message: `${describeContainer(obj, c)} runs with GID ${String(group)} (${groupPath}), below ${MIN_ID}` });
      }
    }
    if (podSc.fsGroup === 0) {
      out.push({ path: `${pod.path}.securityContext.fsGroup`, value: 0, message: `${describeObject(obj)} sets ${pod.path}.securityContext.fsGroup=0 (root group)` });
    }
    (Array.isArray(podSc.supplementalGroups) ? podSc.supplementalGroups : []).forEach((g, i) => {
      if (g !== 0) return;
      const path = `${pod.path}.securityContext.supplementalGroups[${i}]`;
      out.push({ path, value: 0, message: `${describeObject(obj)} adds the root group to every container: ${path}=0` });
    });
    return out;
  },
});
