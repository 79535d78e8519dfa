import { defineRule } from "../../define-rule";
import { describeDr, tlsBlocks, tlsMode } from "../../istio/destination-rule";
import { inMeshHost } from "../../istio/hosts";
import { specOf } from "../../istio/mesh";

export default defineRule({
  id: "TWR-0704",
  name: "istio-destinationrule-tls-disabled",
  title: "Istio DestinationRule disables TLS to an in-mesh service",
  severity: "medium",
  theme: "istio",
  targets: ["DestinationRule"],
  description:
    "trafficPolicy.tls.mode DISABLE makes client sidecars send plaintext to the host, even where the server side enforces or offers mutual TLS: traffic between workloads can be read on the network and requests reach the server without a peer identity (or fail against STRICT servers). Hosts that are ServiceEntries with location MESH_EXTERNAL are not reported.",
  remediation:
    "Remove the tls block (auto mTLS applies) or set tls.mode: ISTIO_MUTUAL for hosts inside the mesh; keep DISABLE only for external plaintext destinations declared by a ServiceEntry.",
  references: [
    "https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings-TLSmode",
    "https://istio.io/latest/docs/concepts/security/#mutual-tls-authentication",
  ],
  refs: {},
  check: (obj, ctx) => {
    const host = String(specOf(obj).host ?? "");
    if (!host || !inMeshHost(ctx.snapshot, host, obj)) return [];
    return tlsBlocks(obj)
      .filter(({ tls }) => tlsMode(tls) === "DISABLE")
      .map(({ path, where }) => ({
        path: `${path}.mode`,
        value: "DISABLE",
        message: `${describeDr(obj)} sets ${path}.mode=DISABLE${where ? ` for ${where}` : ""}: traffic to an in-mesh host is sent in plaintext`,
      }));
  },
});
