import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";

export default definePodRule({
  id: "TWR-0106",
  name: "host-port",
  title: "Container binds a host port",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "A hostPort opens a port on the node's own IP address: traffic to it reaches the pod without a Service, " +
    "NetworkPolicies do not filter it on many CNIs, and it pins the pod to nodes where the port is free.",
  remediation: "Remove ports[].hostPort (or set it to 0) and expose the pod through a Service (ClusterIP, NodePort or LoadBalancer) instead.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    "https://kubernetes.io/docs/concepts/configuration/overview/#services",
  ],
  refs: {
    ksv: ["KSV-0024"],
    kubescape: ["C-0044"],
    cis: ["5.2.13"],
    polaris: ["hostPortSet"],
    checkov: ["CKV_K8S_26"],
    pss: ["baseline"],
    nsa: ["C-0044"],
  },
  check: (obj, pod) =>
    containersOf(pod).flatMap((c) =>
      (Array.isArray(c.container.ports) ? c.container.ports : []).flatMap((p, i) => {
        const hostPort: unknown = typeof p === "object" && p !== null ? p.hostPort : undefined;
        // 0 and absent both mean "no host port" (PSS allows both).
        if (hostPort === undefined || hostPort === null || hostPort === 0 || hostPort === "0") return [];
        return [{
          path: `${c.path}.ports[${i}].hostPort`,
          value: hostPort,
          message: `${describeContainer(obj, c)} sets ports[${i}].hostPort=${String(hostPort)}`,
        }];
      }),
    ),
});
