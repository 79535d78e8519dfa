import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0314",
  name: "rbac-nodes-proxy",
  title: "RBAC grants nodes/proxy (kubelet API)",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "nodes/proxy gives direct access to the kubelet API of every node: it runs commands in any pod on the node (the kubelet's /exec and /run endpoints), unseen by the API server's audit log. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove nodes/proxy from the role. Monitoring agents need nodes/metrics or nodes/stats, not nodes/proxy.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes"],
  refs: { ksv: ["KSV-0047"], cis: ["5.1.10"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.nodesProxy),
});
