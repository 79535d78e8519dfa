import { defineSnapshotRule } from "../../define-rule";
import { isIstioApi, istioPresent, ROOT_NAMESPACE } from "../../istio/mesh";
import { paLevel, paMode } from "../../istio/peer-auth";

export default defineSnapshotRule({
  id: "TWR-0703",
  name: "istio-no-meshwide-strict-mtls",
  title: "No mesh-wide STRICT mutual TLS in Istio",
  severity: "medium",
  theme: "istio",
  targets: ["PeerAuthentication", "Namespace", "Deployment", "Gateway", "VirtualService", "DestinationRule", "AuthorizationPolicy"],
  description:
    "Without a PeerAuthentication in the root namespace (istio-system) that sets mode STRICT, Istio's default is PERMISSIVE: every workload that is not covered by its own STRICT policy accepts plaintext connections from anywhere, and new namespaces start out unprotected.",
  remediation:
    "Apply a PeerAuthentication named 'default' in istio-system with no selector and spec.mtls.mode: STRICT; grant narrow PERMISSIVE exceptions per workload or port where migration requires it.",
  references: [
    "https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/#lock-down-mutual-tls-for-the-entire-mesh",
    "https://istio.io/latest/docs/reference/config/security/peer_authentication/",
  ],
  refs: {},
  check: (ctx) => {
    const { snapshot } = ctx;
    if (!istioPresent(snapshot)) return [];
    const mesh = snapshot.byKind("PeerAuthentication").filter((pa) => paLevel(pa) === "mesh");
    if (mesh.some((pa) => paMode(pa) === "STRICT")) return [];
    const weak = mesh[0];
    if (weak)
      return [{ object: weak, path: "spec.mtls.mode", value: paMode(weak) ?? "UNSET", message: `Mesh-wide PeerAuthentication '${weak.metadata?.name}' in ${ROOT_NAMESPACE} sets spec.mtls.mode=${paMode(weak) ?? "UNSET"}, not STRICT` }];
    const anchor =
      snapshot.get("Namespace", undefined, ROOT_NAMESPACE) ??
      snapshot.byKind("Deployment").find((d) => d.metadata?.namespace === ROOT_NAMESPACE && d.metadata?.name === "istiod") ??
      snapshot.objects.find(isIstioApi);
    if (!anchor) return [];
    return [{ object: anchor, path: "metadata", message: `No PeerAuthentication in root namespace ${ROOT_NAMESPACE} sets spec.mtls.mode=STRICT mesh-wide; workloads default to PERMISSIVE` }];
  },
});
