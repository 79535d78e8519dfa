import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0321",
  name: "rbac-modify-admission-webhooks",
  title: "RBAC grants changing admission webhooks",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "Whoever can write Validating/MutatingWebhookConfigurations can see and rewrite every object sent to the API server (including Secrets), or remove the policy webhooks that protect the cluster. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Restrict write access to admissionregistration.k8s.io webhook configurations to cluster administrators and the webhook's own installer.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#control-admission-webhooks"],
  refs: { ksv: ["KSV-0114"], cis: ["5.1.12"], checkov: ["CKV_K8S_155"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.webhooks),
});
