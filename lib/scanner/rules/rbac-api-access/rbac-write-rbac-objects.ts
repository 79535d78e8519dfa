import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0311",
  name: "rbac-write-rbac-objects",
  title: "RBAC grants write access to roles or bindings",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "Creating or changing Roles, ClusterRoles and their bindings is the keys to the cluster's authorization. Escalation prevention limits it to permissions the subject already holds, but combined with bind or escalate, or held by a broad identity, it hands out access at will. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Restrict create/update/patch on roles, clusterroles, rolebindings and clusterrolebindings to cluster administrators and GitOps controllers; delegate with resourceNames where possible.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
  refs: { ksv: ["KSV-0050"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.writeRbac),
});
