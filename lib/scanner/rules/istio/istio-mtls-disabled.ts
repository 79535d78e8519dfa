import { defineRule } from "../../define-rule";
import { paModeViolations } from "../../istio/peer-auth";

export default defineRule({
  id: "TWR-0702",
  name: "istio-mtls-disabled",
  title: "Istio PeerAuthentication disables mutual TLS",
  severity: "high",
  theme: "istio",
  targets: ["PeerAuthentication"],
  description:
    "mode DISABLE turns off mutual TLS for the selected scope: traffic to the workloads travels in plaintext and carries no peer identity, so it can be read or forged on the network and principal-based AuthorizationPolicies no longer hold. Mesh- and namespace-wide policies are reported only while in force for some workload.",
  remediation:
    "Set spec.mtls.mode (and spec.portLevelMtls.<port>.mode) to STRICT. If a port must accept non-mesh clients, limit the exception to that port with PERMISSIVE rather than disabling mTLS.",
  references: ["https://istio.io/latest/docs/reference/config/security/peer_authentication/"],
  refs: {},
  check: (obj, ctx) => paModeViolations(obj, ctx.snapshot, "DISABLE"),
});
