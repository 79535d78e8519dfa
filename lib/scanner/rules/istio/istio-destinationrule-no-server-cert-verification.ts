import { defineRule } from "../../define-rule";
import { describeDr, tlsBlocks, tlsMode } from "../../istio/destination-rule";
import { specOf } from "../../istio/mesh";

export default defineRule({
  id: "TWR-0705",
  name: "istio-destinationrule-no-server-cert-verification",
  title: "Istio DestinationRule originates TLS without verifying the server",
  severity: "medium",
  theme: "istio",
  targets: ["DestinationRule"],
  description:
    "A DestinationRule with tls.mode SIMPLE or MUTUAL and no caCertificates (or a credentialName that only a gateway with a workloadSelector can load) gives Envoy nothing to validate the upstream certificate against, and insecureSkipVerify turns validation off outright: a man-in-the-middle can present any certificate. This is istioctl analyze IST0128 (destination level) and IST0129 (port level).",
  remediation:
    "Set tls.caCertificates to the CA bundle that signs the upstream's certificate (or credentialName together with a workloadSelector on gateways), add subjectAltNames or sni, and remove insecureSkipVerify.",
  references: [
    "https://istio.io/latest/docs/reference/config/analysis/ist0128/",
    "https://istio.io/latest/docs/reference/config/analysis/ist0129/",
    "https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings",
  ],
  refs: { istio: ["IST0128", "IST0129"] },
  check: (obj) => {
    const hasSelector = specOf(obj).workloadSelector !== undefined;
    return tlsBlocks(obj).flatMap(({ tls, path, where }) => {
      const mode = tlsMode(tls);
      if (mode !== "SIMPLE" && mode !== "MUTUAL") return [];
      const at = where ? ` at ${where}` : "";
      if (tls.insecureSkipVerify === true)
        return [{ path: `${path}.insecureSkipVerify`, value: true, message: `${describeDr(obj)} sets ${path}.insecureSkipVerify=true${at}: the server certificate is not verified` }];
      const verifies = !!tls.caCertificates || (!!tls.credentialName && hasSelector);
      if (verifies) return [];
      return [{ path: `${path}.caCertificates`, message: `${describeDr(obj)} sets ${path}.mode=${mode}${at} without ${path}.caCertificates: the server identity is not verified` }];
    });
  },
});
