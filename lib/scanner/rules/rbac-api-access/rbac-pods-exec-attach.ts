import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0312",
  name: "rbac-pods-exec-attach",
  title: "RBAC grants exec or attach into pods",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "create (or, with older websocket clients, get) on pods/exec or pods/attach runs commands in, or attaches to, any container of the granted scope: the subject gets the container's files, secrets and service-account token. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove pods/exec and pods/attach from roles used by applications and broad groups; grant them to operators through a separate, audited role, only in the namespaces they need.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation"],
  refs: { ksv: ["KSV-0053", "KSV-0054"], polaris: ["clusterrolePodExecAttach", "rolePodExecAttach", "clusterrolebindingPodExecAttach", "rolebindingClusterRolePodExecAttach"], mitre: ["T1609"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.exec),
});
