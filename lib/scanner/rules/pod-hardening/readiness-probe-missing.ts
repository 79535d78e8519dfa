import { definePodRule } from "../../define-rule";
import { missingProbe } from "./_practice/probes";

export default definePodRule({
  id: "TWR-0167",
  name: "readiness-probe-missing",
  title: "Readiness probe not set",
  severity: "low",
  theme: "pod-hardening",
  description:
    "Without a readiness probe a container receives Service traffic as soon as it starts and keeps receiving it while it cannot serve, " +
    "and rolling updates cannot tell a broken release from a working one. Init containers and run-to-completion workloads are not checked.",
  remediation: "Add a readinessProbe that checks the container can serve requests (httpGet on a health endpoint, tcpSocket or grpc).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  refs: {
    kubescape: ["C-0018"],
    polaris: ["readinessProbeMissing"],
  },
  check: (obj, pod) => missingProbe(obj, pod, "readinessProbe"),
});
