import { defineDetection } from "../../define-detection";
import { describePrincipal } from "../../event-helpers";
import { isPlatformWorkload, podChangeOf, workloadLabel } from "../../workload";

const FIELDS = ["hostNetwork", "hostPID", "hostIPC"] as const;

export default defineDetection({
  id: "TWD-0029",
  name: "host-namespaces",
  title: "Host namespace pod (hostNetwork/hostPID/hostIPC)",
  severity: "medium",
  tactic: "privilege-escalation",
  description:
    "A Pod or workload template shares the node's network, PID or IPC namespace: it sees node traffic and processes and reaches services bound to localhost. Platform DaemonSets in system namespaces are excluded.",
  refs: { mitre: ["T1611", "T1610"], ms: ["MS-TA9018"], falco: ["Create HostNetwork Pod", "Create HostPid Pod", "Create HostIPC Pod"], elastic: ["Kubernetes Pod Created With HostNetwork", "Kubernetes Pod Created With HostPID", "Kubernetes Pod Created With HostIPC"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Host namespace pod (hostNetwork/hostPID/hostIPC)"],
  resources: ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers"],
  check: (e) => {
    const pod = podChangeOf(e);
    if (!pod || isPlatformWorkload(e)) return;
    const set = FIELDS.filter((f) => pod.spec[f] === true);
    if (set.length === 0) return;
    return {
      message: `${workloadLabel(e)} sets ${set.map((f) => `${pod.where}.${f}=true`).join(", ")} (${e.verb} by ${describePrincipal(e)})`,
      severity: set.includes("hostPID") ? "high" : "medium",
    };
  },
});
