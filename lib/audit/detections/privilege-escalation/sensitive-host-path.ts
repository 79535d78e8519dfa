import { defineDetection } from "../../define-detection";
import { describePrincipal } from "../../event-helpers";
import { isPlatformWorkload, podChangeOf, workloadLabel } from "../../workload";

type Obj = Record<string, unknown>;
const SENSITIVE = ["/proc", "/etc", "/root", "/home", "/boot", "/var/run/docker.sock", "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/var/lib/kubelet", "/etc/kubernetes", "/var/lib/docker", "/var/lib/containerd"];
const CRITICAL_WRITABLE = ["/", "/etc", "/etc/kubernetes", "/etc/kubernetes/manifests", "/var/lib/kubelet", "/var/lib/kubelet/pki", "/root"];

const normalize = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);
export const isSensitiveHostPath = (path: string) => {
  const p = normalize(path);
  // A parent of a sensitive path exposes it too: /var/run holds docker.sock.
  return p === "/" || SENSITIVE.some((s) => p === s || p.startsWith(`${s}/`) || s.startsWith(`${p}/`));
};

export default defineDetection({
  id: "TWD-0028",
  name: "sensitive-host-path",
  title: "Sensitive hostPath mount",
  severity: "high",
  tactic: "privilege-escalation",
  description:
    "A Pod or workload template mounts a sensitive host path (/, /proc, /etc, /root, container runtime sockets, kubelet state, /etc/kubernetes, home directories): a container breakout or credential read away. Critical when mounted writable on the node root, static pod manifests or kubelet PKI.",
  refs: { mitre: ["T1611"], ms: ["MS-TA9013"], falco: ["Create Sensitive Mount Pod"], sigma: ["Container With A hostPath Mount Created"], elastic: ["Kubernetes Pod Created with a Sensitive hostPath Volume"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Sensitive hostPath mount"],
  resources: ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers"],
  check: (e) => {
    const pod = podChangeOf(e);
    if (!pod || isPlatformWorkload(e) || !Array.isArray(pod.spec.volumes)) return;
    const hits = (pod.spec.volumes as Obj[])
      .map((v) => ({ name: String(v?.name ?? "?"), path: (v?.hostPath as Obj | undefined)?.path }))
      .filter((v): v is { name: string; path: string } => typeof v.path === "string" && isSensitiveHostPath(v.path));
    if (hits.length === 0) return;
    const writable = hits.filter((h) =>
      CRITICAL_WRITABLE.includes(normalize(h.path)) &&
      pod.containers.some((c) => Array.isArray(c.volumeMounts) && (c.volumeMounts as Obj[]).some((m) => m?.name === h.name && m.readOnly !== true)),
    );
    return {
      message: `${workloadLabel(e)} mounts host path ${hits.map((h) => `'${h.path}'`).join(", ")}${writable.length ? " writable" : ""} (${e.verb} by ${describePrincipal(e)})`,
      severity: writable.length ? "critical" : "high",
      evidence: { hostPaths: hits.map((h) => h.path) },
    };
  },
});
