import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0319",
  name: "rbac-create-persistentvolumes",
  title: "RBAC grants creating PersistentVolumes",
  severity: "medium",
  theme: "rbac-api-access",
  description:
    "Creating PersistentVolumes lets a subject define a hostPath volume on any node path and claim it from a pod, escaping to the node even where Pod Security forbids hostPath. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove create on persistentvolumes; let users request storage through PersistentVolumeClaims and StorageClasses.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#persistent-volume-creation"],
  refs: { cis: ["5.1.9"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.createPv),
});
