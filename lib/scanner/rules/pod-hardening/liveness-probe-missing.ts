import { definePodRule } from "../../define-rule";
import { missingProbe } from "./_practice/probes";

export default definePodRule({
  id: "TWR-0166",
  name: "liveness-probe-missing",
  title: "Liveness probe not set",
  severity: "low",
  theme: "pod-hardening",
  description:
    "Without a liveness probe the kubelet restarts a container only when its process exits; a deadlocked or hung process keeps running " +
    "and failing requests. Init containers and run-to-completion workloads (Jobs, CronJobs, pods with restartPolicy Never/OnFailure) are not checked.",
  remediation: "Add a livenessProbe (httpGet, tcpSocket, grpc or exec) that fails only when the process cannot recover, with a generous failureThreshold.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  refs: {
    kubescape: ["C-0056"],
    polaris: ["livenessProbeMissing"],
  },
  check: (obj, pod) => missingProbe(obj, pod, "livenessProbe"),
});
