import { defineRule } from "../../define-rule";
import { paModeViolations } from "../../istio/peer-auth";

export default defineRule({
  id: "TWR-0701",
  name: "istio-mtls-permissive",
  title: "Istio PeerAuthentication accepts plaintext (PERMISSIVE)",
  severity: "high",
  theme: "istio",
  targets: ["PeerAuthentication"],
  description:
    "In PERMISSIVE mode the sidecar accepts both mutual-TLS and plaintext traffic, so any pod in or outside the mesh can reach the workload without a verified identity and AuthorizationPolicies on principals can be sidestepped. A mesh- or namespace-wide PERMISSIVE policy is reported only while it is in force for some workload (not overridden everywhere by a STRICT workload policy).",
  remediation:
    "Set spec.mtls.mode: STRICT (and every spec.portLevelMtls entry to STRICT) once all clients have sidecars; keep PERMISSIVE only during migration, scoped to the workloads and ports that still need it.",
  references: [
    "https://istio.io/latest/docs/reference/config/security/peer_authentication/",
    "https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/",
  ],
  refs: {},
  check: (obj, ctx) => paModeViolations(obj, ctx.snapshot, "PERMISSIVE"),
});
