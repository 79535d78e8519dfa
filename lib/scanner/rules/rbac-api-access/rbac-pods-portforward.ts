import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0313",
  name: "rbac-pods-portforward",
  title: "RBAC grants port-forward into pods",
  severity: "medium",
  theme: "rbac-api-access",
  description:
    "create on pods/portforward opens a tunnel from the subject's machine to any port of the pods in scope, bypassing Services, NetworkPolicies and ingress authentication. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove pods/portforward from the role, or limit it to the namespaces where developers debug their own services.",
  references: ["https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/"],
  refs: {},
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.portForward),
});
