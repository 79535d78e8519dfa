import type { Rule } from "../../define-rule";
import ingressBackendServiceMissing from "./ingress-backend-service-missing";
import ingressNginxAnnotationInjection from "./ingress-nginx-annotation-injection";
import ingressNginxControllerEolOrVulnerable from "./ingress-nginx-controller-eol-or-vulnerable";
import ingressNginxHighRiskAnnotation from "./ingress-nginx-high-risk-annotation";
import ingressNginxSnippetAnnotation from "./ingress-nginx-snippet-annotation";
import ingressNginxSnippetsAllowed from "./ingress-nginx-snippets-allowed";
import ingressWildcardHost from "./ingress-wildcard-host";
import ingressWithoutTls from "./ingress-without-tls";
import serviceLoadbalancerWithoutSourceRanges from "./service-loadbalancer-without-source-ranges";
import serviceNodeport from "./service-nodeport";

export const ingressRules: Rule[] = [
  ingressWithoutTls,
  ingressNginxSnippetAnnotation,
  ingressNginxAnnotationInjection,
  ingressNginxHighRiskAnnotation,
  ingressNginxSnippetsAllowed,
  ingressNginxControllerEolOrVulnerable,
  ingressBackendServiceMissing,
  ingressWildcardHost,
  serviceLoadbalancerWithoutSourceRanges,
  serviceNodeport,
];
