import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer, describeObject } from "../../pod-spec";
import { containerSecurityContext, isRecord, podSecurityContext } from "./_practice/pod-meta";

/** SELinux types the Pod Security Standards baseline allows (container_engine_t since policy v1.31). */
const ALLOWED_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);

const problems = (opts: unknown): string[] => {
  if (!isRecord(opts)) return [];
  const out: string[] = [];
  if (typeof opts.type === "string" && !ALLOWED_TYPES.has(opts.type)) out.push(`type=${opts.type}`);
  if (typeof opts.user === "string" && opts.user !== "") out.push(`user=${opts.user}`);
  if (typeof opts.role === "string" && opts.role !== "") out.push(`role=${opts.role}`);
  return out;
};

export default definePodRule({
  id: "TWR-0154",
  name: "selinux-custom-options",
  title: "Custom SELinux user, role or type",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "Setting an SELinux user or role, or a type other than the container types (for example spc_t or unconfined_t), " +
    "can lift the SELinux confinement that keeps a container away from host files and processes. The level (MCS categories) is harmless and not reported.",
  remediation:
    "Remove seLinuxOptions.user and seLinuxOptions.role, and use one of container_t, container_init_t, container_kvm_t or container_engine_t as the type (or leave it unset).",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container",
  ],
  refs: {
    ksv: ["KSV-0025"],
    pss: ["baseline"],
  },
  check: (obj, pod) => {
    // Checked where they are written, as admission does: the pod-level value also labels the pod sandbox and volumes.
    const out = [];
    const podIssues = problems(podSecurityContext(pod).seLinuxOptions);
    if (podIssues.length) {
      out.push({
        path: `${pod.path}.securityContext.seLinuxOptions`,
        value: podIssues,
        message: `${describeObject(obj)} sets ${pod.path}.securityContext.seLinuxOptions ${podIssues.join(", ")}`,
      });
    }
    for (const c of containersOf(pod)) {
      const issues = problems(containerSecurityContext(c).seLinuxOptions);
      if (!issues.length) continue;
      out.push({
        path: `${c.path}.securityContext.seLinuxOptions`,
        value: issues,
        message: `${describeContainer(obj, c)} sets securityContext.seLinuxOptions ${issues.join(", ")}`,
      });
    }
    return out;
  },
});
