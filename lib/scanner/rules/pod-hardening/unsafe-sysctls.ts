import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { isRecord, podSecurityContext } from "./_practice/pod-meta";

/** The safe set of the Pod Security Standards (baseline), including names added up to policy v1.32 and HEAD. */
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
  "net.ipv4.tcp_slow_start_after_idle",
  "net.ipv4.tcp_notsent_lowat",
]);

export default definePodRule({
  id: "TWR-0156",
  name: "unsafe-sysctls",
  title: "Unsafe sysctls",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "Sysctls outside the namespaced safe set can change kernel behaviour for every pod on the node, or let a pod exhaust node resources. " +
    "The kubelet refuses them unless the node allow-lists them, so a pod that sets them either fails or runs on a weakened node.",
  remediation: "Remove the sysctl from spec.securityContext.sysctls, or keep to the safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, ...).",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/",
  ],
  refs: {
    ksv: ["KSV-0026"],
    pss: ["baseline"],
  },
  check: (obj, pod) => {
    const sysctls = podSecurityContext(pod).sysctls;
    if (!Array.isArray(sysctls)) return [];
    return sysctls.flatMap((s, i) => {
      const name = isRecord(s) && typeof s.name === "string" ? s.name : undefined;
      if (!name || SAFE_SYSCTLS.has(name)) return [];
      return [{
        path: `${pod.path}.securityContext.sysctls[${i}].name`,
        value: name,
        message: `${describeObject(obj)} sets the unsafe sysctl ${name} in ${pod.path}.securityContext.sysctls[${i}]`,
      }];
    });
  },
});
