import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0323",
  name: "rbac-manage-networking",
  title: "RBAC grants rewriting traffic routing or isolation",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "Writing Endpoints or EndpointSlices redirects a Service's traffic to pods of the subject's choice; changing Services re-points their selectors; writing or deleting NetworkPolicies removes network isolation. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Restrict write access to endpoints, endpointslices, networkpolicies and service updates to the controllers and administrators that own them.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#endpointslices-and-endpoints"],
  refs: { ksv: ["KSV-0056"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.networking),
});
