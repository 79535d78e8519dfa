import { defineRule } from "../../define-rule";
import { allowAllCheck } from "./_lib/allow-all";

export default defineRule({
  id: "TWR-0506",
  name: "networkpolicy-allow-all-egress",
  title: "NetworkPolicy allows all egress",
  severity: "medium",
  theme: "network-policy",
  targets: ["NetworkPolicy"],
  description:
    "An egress rule with no `to` and no `ports` (`egress: [{}]`), or one whose destination is ipBlock 0.0.0.0/0 or ::/0 on all " +
    "ports, lets the selected pods reach anything, including the cloud metadata endpoint and the internet, and cancels any default deny.",
  remediation:
    "List the destinations the pods need (DNS, specific services, narrow CIDRs with the metadata address in `except`) and their ports.",
  references: [
    "https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-egress-traffic",
    "https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/",
  ],
  refs: {},
  check: (obj) => allowAllCheck(obj, "egress"),
});
