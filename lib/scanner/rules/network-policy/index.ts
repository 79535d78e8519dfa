import type { Rule } from "../../define-rule";
import namespaceWithoutNetworkpolicy from "./namespace-without-networkpolicy";
import networkpolicyAllowAllEgress from "./networkpolicy-allow-all-egress";
import networkpolicyAllowAllIngress from "./networkpolicy-allow-all-ingress";
import networkpolicySelectsNoPods from "./networkpolicy-selects-no-pods";
import noDefaultDenyEgress from "./no-default-deny-egress";
import noDefaultDenyIngress from "./no-default-deny-ingress";
import podNotSelectedByNetworkpolicy from "./pod-not-selected-by-networkpolicy";
import serviceExternalIps from "./service-external-ips";

export const networkPolicyRules: Rule[] = [
  namespaceWithoutNetworkpolicy,
  podNotSelectedByNetworkpolicy,
  noDefaultDenyIngress,
  noDefaultDenyEgress,
  networkpolicyAllowAllIngress,
  networkpolicyAllowAllEgress,
  networkpolicySelectsNoPods,
  serviceExternalIps,
];
