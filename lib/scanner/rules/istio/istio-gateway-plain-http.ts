import { defineRule } from "../../define-rule";
import { describeGateway, gatewayServers } from "../../istio/gateway";

const PLAINTEXT = new Set(["HTTP", "HTTP2", "GRPC"]);

export default defineRule({
  id: "TWR-0713",
  name: "istio-gateway-plain-http",
  title: "Istio Gateway serves plain HTTP without redirecting to HTTPS",
  severity: "medium",
  theme: "istio",
  targets: ["Gateway"],
  description:
    "A Gateway server with protocol HTTP (or HTTP2/GRPC) and no tls.httpsRedirect serves requests in cleartext: credentials, cookies and tokens sent by clients cross the network unencrypted and can be read or altered in transit.",
  remediation:
    "Serve the hosts on an HTTPS server with tls.credentialName, and keep port 80 only with tls: { httpsRedirect: true } so clients are sent to HTTPS with a 301.",
  references: [
    "https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings",
    "https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/",
  ],
  refs: {},
  check: (obj) =>
    gatewayServers(obj)
      .filter((s) => PLAINTEXT.has(s.protocol) && s.tls?.httpsRedirect !== true)
      .map((s) => ({
        path: `${s.path}.port.protocol`,
        value: s.protocol,
        message: `${describeGateway(obj)} serves ${s.path} (port ${s.port ?? "?"}, hosts ${s.hosts.join(",") || "*"}) over plain ${s.protocol} without ${s.path}.tls.httpsRedirect=true`,
      })),
});
