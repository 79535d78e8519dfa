import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";

export default defineRule({
  id: "TWR-0508",
  name: "service-external-ips",
  title: "Service sets spec.externalIPs",
  severity: "high",
  theme: "network-policy",
  targets: ["Service"],
  description:
    "spec.externalIPs makes kube-proxy capture traffic for any IP the Service author chooses: with CVE-2020-8554 (unfixable in " +
    "Kubernetes itself) anyone who can create or edit a Service can intercept traffic meant for other in-cluster or external " +
    "addresses. Legitimate uses are rare.",
  remediation:
    "Remove spec.externalIPs (use a LoadBalancer or Ingress instead) and block the field cluster-wide with the DenyServiceExternalIPs " +
    "admission plugin or a ValidatingAdmissionPolicy.",
  references: [
    "https://kubernetes.io/docs/concepts/services-networking/service/#external-ips",
    "https://github.com/kubernetes/kubernetes/issues/97076",
    "https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#denyserviceexternalips",
  ],
  refs: { ksv: ["KSV-0108"] },
  check: (obj) => {
    const ips = (obj.spec as { externalIPs?: unknown } | undefined)?.externalIPs;
    if (!Array.isArray(ips) || ips.length === 0) return [];
    return [{ path: "spec.externalIPs", value: ips, message: `${describeObject(obj)} sets spec.externalIPs to ${ips.map(String).join(", ")}` }];
  },
});
