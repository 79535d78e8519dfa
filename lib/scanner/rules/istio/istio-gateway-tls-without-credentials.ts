import { defineRule } from "../../define-rule";
import { credentialRefs, describeGateway, gatewayServers } from "../../istio/gateway";

const TERMINATING = new Set(["", "SIMPLE", "MUTUAL", "OPTIONAL_MUTUAL"]);

export default defineRule({
  id: "TWR-0714",
  name: "istio-gateway-tls-without-credentials",
  title: "Istio Gateway terminates TLS without a certificate",
  severity: "medium",
  theme: "istio",
  targets: ["Gateway"],
  description:
    "An HTTPS or TLS Gateway server that terminates TLS (mode SIMPLE, MUTUAL or OPTIONAL_MUTUAL) but names neither tls.credentialName(s) nor serverCertificate/privateKey has no certificate to present: the listener is rejected or never becomes ready, and the hosts it was meant to protect tend to be exposed on a plaintext server instead.",
  remediation:
    "Set tls.credentialName to a kubernetes.io/tls Secret in the gateway workload's namespace (or serverCertificate and privateKey file paths mounted into the gateway), or use PASSTHROUGH if the backend terminates TLS.",
  references: [
    "https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings",
    "https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/",
  ],
  refs: {},
  check: (obj) =>
    gatewayServers(obj).flatMap((s) => {
      if (s.protocol !== "HTTPS" && s.protocol !== "TLS") return [];
      const mode = String(s.tls?.mode ?? "").toUpperCase();
      if (!TERMINATING.has(mode)) return [];
      if (credentialRefs(s).length || (s.tls?.serverCertificate && s.tls?.privateKey)) return [];
      const path = s.tls ? `${s.path}.tls` : s.path;
      return [{ path, message: `${describeGateway(obj)} terminates ${s.protocol} on ${s.path} (port ${s.port ?? "?"}) but ${s.path}.tls sets no credentialName and no serverCertificate/privateKey` }];
    }),
});
