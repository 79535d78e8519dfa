import { defineRule } from "../../define-rule";
import { allowAllCheck } from "./_lib/allow-all";

export default defineRule({
  id: "TWR-0505",
  name: "networkpolicy-allow-all-ingress",
  title: "NetworkPolicy allows all ingress",
  severity: "high",
  theme: "network-policy",
  targets: ["NetworkPolicy"],
  description:
    "An ingress rule with no `from` and no `ports` (`ingress: [{}]`), or one whose source is ipBlock 0.0.0.0/0 or ::/0 on all " +
    "ports, admits every source on every port: policies are additive, so it cancels any default deny for the pods it selects.",
  remediation:
    "Replace the rule with explicit sources (podSelector / namespaceSelector / narrow ipBlock) and the ports the pods serve; " +
    "delete it if it was only a debugging shortcut.",
  references: [
    "https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic",
    "https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/",
  ],
  refs: {},
  check: (obj) => allowAllCheck(obj, "ingress"),
});
