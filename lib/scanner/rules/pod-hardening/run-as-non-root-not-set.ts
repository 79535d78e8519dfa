import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer, effectiveSecurityContext } from "../../pod-spec";
import { containerFieldPath, usesUserNamespace } from "./_shared/user-namespace";

export default definePodRule({
  id: "TWR-0112",
  name: "run-as-non-root-not-set",
  title: "runAsNonRoot not required",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "Without runAsNonRoot: true the kubelet starts the container even when its image runs as root (UID 0), which makes any " +
    "container escape or host mount far more damaging. PSS restricted requires it, whatever runAsUser says.",
  remediation:
    "Set securityContext.runAsNonRoot: true at pod level (and do not override it with false on a container), and build images " +
    "with a numeric non-root USER or set runAsUser to a non-zero UID.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  ],
  // Not claimed: kubescape C-0013, checkov CKV_K8S_23, polaris runAsRootAllowed and kubeaudit nonroot accept a
  // non-zero runAsUser in place of runAsNonRoot (and C-0013 also demands runAsGroup); PSS restricted does not.
  refs: {
    ksv: ["KSV-0012"],
    cis: ["5.2.7"],
    pss: ["restricted"],
    nsa: ["C-0013"],
  },
  check: (obj, pod) => {
    if (usesUserNamespace(pod)) return [];
    return containersOf(pod).flatMap((c) => {
      const { sc, from } = effectiveSecurityContext(pod, c);
      if (sc.runAsNonRoot === true) return [];
      const path = from.runAsNonRoot ?? containerFieldPath(c.path, "runAsNonRoot");
      const user = typeof sc.runAsUser === "number" && sc.runAsUser > 0 ? ` (runAsUser=${sc.runAsUser} is not enough for PSS restricted)` : "";
      return [{
        path,
        value: sc.runAsNonRoot,
        message:
          sc.runAsNonRoot === false
            ? `${describeContainer(obj, c)} runs with runAsNonRoot=false, set at ${path}`
            : `${describeContainer(obj, c)} does not set runAsNonRoot=true in its own or the pod's securityContext${user}`,
      }];
    });
  },
});
