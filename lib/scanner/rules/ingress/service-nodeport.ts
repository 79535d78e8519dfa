import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";

export default defineRule({
  id: "TWR-0610",
  name: "service-nodeport",
  title: "Service of type NodePort",
  severity: "low",
  theme: "ingress",
  targets: ["Service"],
  description:
    "A NodePort Service opens its port on every node's addresses, bypassing the ingress layer (TLS, authentication, WAF) and any " +
    "load-balancer source ranges; where nodes have public IPs or permissive firewall rules, the workload is exposed directly.",
  remediation: "Use type ClusterIP behind an Ingress/Gateway, or a LoadBalancer with loadBalancerSourceRanges; if NodePort is needed, restrict node firewall rules to known clients.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport"],
  refs: {},
  check: (obj) => {
    const spec = (obj.spec ?? {}) as { type?: unknown; ports?: unknown };
    if (spec.type !== "NodePort") return [];
    const nodePorts = (Array.isArray(spec.ports) ? spec.ports : []).map((p) => (p as { nodePort?: unknown } | null)?.nodePort).filter((n) => n !== undefined);
    return [{ path: "spec.type", value: "NodePort", message: `${describeObject(obj)} is type NodePort${nodePorts.length ? ` (node ports ${nodePorts.join(", ")})` : ""}: exposed on every node` }];
  },
});
