import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0316",
  name: "rbac-ephemeral-containers",
  title: "RBAC grants adding ephemeral containers",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "update/patch on pods/ephemeralcontainers adds a container of the subject's choosing to a running pod: it shares the pod's network and service account and can read its processes, like exec. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove pods/ephemeralcontainers from roles that are not meant for break-glass debugging; pair any such role with Pod Security admission so debug containers cannot be privileged.",
  references: ["https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/"],
  refs: {},
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.ephemeralContainers),
});
