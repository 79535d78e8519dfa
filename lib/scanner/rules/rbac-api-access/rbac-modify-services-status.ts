import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0322",
  name: "rbac-modify-services-status",
  title: "RBAC grants updating services/status",
  severity: "medium",
  theme: "rbac-api-access",
  description:
    "update/patch on services/status sets status.loadBalancer.ingress of a Service, which lets the subject intercept cluster traffic to any IP (CVE-2020-8554). Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove services/status from roles other than the cloud controller's; block externalIPs and loadBalancer status changes with an admission policy.",
  references: ["https://github.com/kubernetes/kubernetes/issues/97076"],
  refs: {},
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.servicesStatus),
});
