import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";

const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";
const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** Cloud annotations that make the load balancer private to the VPC/VNet: not reachable from the internet. */
const INTERNAL: Array<[string, RegExp]> = [
  ["service.beta.kubernetes.io/aws-load-balancer-internal", /^(true|0\.0\.0\.0\/0)$/i],
  ["service.beta.kubernetes.io/aws-load-balancer-scheme", /^internal$/i],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", /^true$/i],
  ["networking.gke.io/load-balancer-type", /^internal$/i],
  ["cloud.google.com/load-balancer-type", /^internal$/i],
  ["service.beta.kubernetes.io/oci-load-balancer-internal", /^true$/i],
  ["service.beta.kubernetes.io/openstack-internal-load-balancer", /^true$/i],
  ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", /^intranet$/i],
  ["service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", /^private$/i],
];

const parseRanges = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? v.split(",").map((s) => s.trim()) : []).filter(Boolean);

export default defineRule({
  id: "TWR-0609",
  name: "service-loadbalancer-without-source-ranges",
  title: "Public LoadBalancer Service open to any source",
  severity: "medium",
  theme: "ingress",
  targets: ["Service"],
  description:
    "A Service of type LoadBalancer gets a cloud load balancer reachable from the whole internet unless spec.loadBalancerSourceRanges " +
    "(or the service.beta.kubernetes.io/load-balancer-source-ranges annotation) limits the clients. Internal load balancers marked by " +
    "the AWS, Azure, GKE, OCI, OpenStack, Alibaba or IBM annotations are skipped; ranges of 0.0.0.0/0 or ::/0 count as open.",
  remediation:
    "Set spec.loadBalancerSourceRanges to the client CIDRs that need access, mark the load balancer internal if only the VPC needs " +
    "it, or publish the application through an Ingress/Gateway with authentication instead.",
  references: [
    "https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#restricting-load-balancer-access",
    "https://kubernetes.io/docs/reference/labels-annotations-taints/#service-beta-kubernetes-io-load-balancer-source-ranges",
  ],
  refs: {},
  check: (obj) => {
    const spec = (obj.spec ?? {}) as { type?: unknown; loadBalancerSourceRanges?: unknown };
    if (spec.type !== "LoadBalancer") return [];
    const annotations = obj.metadata?.annotations ?? {};
    if (INTERNAL.some(([key, re]) => typeof annotations[key] === "string" && re.test(annotations[key]))) return [];
    const fromSpec = parseRanges(spec.loadBalancerSourceRanges);
    const ranges = fromSpec.length ? fromSpec : parseRanges(annotations[SOURCE_RANGES_ANNOTATION]);
    const path = fromSpec.length ? "spec.loadBalancerSourceRanges" : annotations[SOURCE_RANGES_ANNOTATION] ? `metadata.annotations["${SOURCE_RANGES_ANNOTATION}"]` : "spec.loadBalancerSourceRanges";
    if (ranges.length === 0)
      return [{ path, message: `${describeObject(obj)} is type LoadBalancer without spec.loadBalancerSourceRanges: reachable from any address` }];
    if (ranges.some((r) => ANYWHERE.has(r)))
      return [{ path, value: ranges, message: `${describeObject(obj)} allows ${ranges.filter((r) => ANYWHERE.has(r)).join(", ")} in its load-balancer source ranges` }];
    return [];
  },
});
