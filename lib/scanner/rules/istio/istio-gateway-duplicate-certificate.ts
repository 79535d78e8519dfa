import { defineSnapshotRule } from "../../define-rule";
import { credentialRefs, describeGateway, gatewayServers } from "../../istio/gateway";
import { gatewaySelector } from "../../istio/mesh";
import { mapSelects } from "../../istio/selectors";
import type { Hit, K8sObject } from "../../types";

type Use = { gw: K8sObject; selector: Record<string, string>; path: string };

export default defineSnapshotRule({
  id: "TWR-0717",
  name: "istio-gateway-duplicate-certificate",
  title: "Same TLS certificate on several Istio Gateways of one workload",
  severity: "low",
  theme: "istio",
  targets: ["Gateway"],
  description:
    "When Gateways on the same gateway pods reuse one certificate (same credentialName, e.g. a wildcard) across servers, HTTP/2 clients reuse a connection for another host the certificate covers and Envoy answers 404: requests can land on the wrong route table. Reported on a Gateway whose selector is included in another Gateway's selector that uses the same certificate. This is istioctl analyze IST0138.",
  remediation: "Serve all hosts that share a certificate from one Gateway server (list several hosts), or use distinct certificates per Gateway.",
  references: ["https://istio.io/latest/docs/reference/config/analysis/ist0138/", "https://istio.io/latest/docs/ops/common-problems/network-issues/#404-errors-occur-when-multiple-gateways-configured-with-same-tls-certificate"],
  refs: { istio: ["IST0138"] },
  check: (ctx) => {
    const byCert = new Map<string, Use[]>();
    for (const gw of ctx.snapshot.byKind("Gateway"))
      for (const s of gatewayServers(gw)) {
        const keys = credentialRefs(s).map((c) => `secret:${c.name}`);
        if (!keys.length && typeof s.tls?.serverCertificate === "string") keys.push(`file:${s.tls.serverCertificate}`);
        for (const key of keys) byCert.set(key, [...(byCert.get(key) ?? []), { gw, selector: gatewaySelector(gw), path: `${s.path}.tls` }]);
      }
    const hits: Hit[] = [];
    for (const [key, uses] of byCert) {
      const reported = new Set<K8sObject>();
      for (const a of uses) {
        const other = uses.find((b) => b.gw !== a.gw && mapSelects(a.selector, b.selector));
        if (!other || reported.has(a.gw)) continue;
        reported.add(a.gw);
        hits.push({ object: a.gw, path: a.path, message: `${describeGateway(a.gw)} ${a.path} uses certificate ${key.replace(/^\w+:/, "")}, also used by Gateway '${other.gw.metadata?.name}' on the same gateway pods` });
      }
    }
    return hits;
  },
});
