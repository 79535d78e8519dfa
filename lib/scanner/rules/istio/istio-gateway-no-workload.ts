import { defineRule } from "../../define-rule";
import { describeGateway } from "../../istio/gateway";
import { gatewaySelector, gatewayWorkloads } from "../../istio/mesh";
import { formatSelector } from "../../istio/selectors";

export default defineRule({
  id: "TWR-0715",
  name: "istio-gateway-no-workload",
  title: "Istio Gateway selects no gateway workload",
  severity: "low",
  theme: "istio",
  targets: ["Gateway"],
  description:
    "A Gateway's spec.selector must match the labels of gateway pods (an ingress or egress gateway deployment). When nothing matches, the listener configuration goes nowhere: hosts meant to be served with TLS or restricted are not served as intended, usually because of a label typo. For manifest sets without any workload in istio-system the default istio=ingressgateway is assumed, as istioctl analyze does. This is istioctl analyze IST0101 for the selector.",
  remediation: "Set spec.selector to the labels of the gateway deployment's pods (for example istio: ingressgateway), or deploy the gateway the selector names.",
  references: [
    "https://istio.io/latest/docs/reference/config/analysis/ist0101/",
    "https://istio.io/latest/docs/reference/config/networking/gateway/",
  ],
  refs: { istio: ["IST0101"] },
  check: (obj, ctx) => {
    const selector = gatewaySelector(obj);
    if (!Object.keys(selector).length || gatewayWorkloads(ctx.snapshot, selector).length) return [];
    return [{ path: "spec.selector", value: formatSelector(selector), message: `${describeGateway(obj)}: spec.selector (${formatSelector(selector)}) matches no pod in the snapshot` }];
  },
});
