import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0310",
  name: "rbac-impersonate",
  title: "RBAC grants impersonation",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "The impersonate verb on users, groups, service accounts or uids lets a subject act as another identity (Impersonate-User/Group headers), for example as a member of system:masters, and so take on all of its rights. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove impersonate from the role, or restrict it with resourceNames to specific low-privilege identities. Never grant impersonate on groups cluster-wide.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#impersonate-verb"],
  refs: { ksv: ["KSV-0043"], kubescape: ["C-0065", "C-0191"], cis: ["5.1.8"], checkov: ["CKV2_K8S_3"], mitre: ["T1078"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.impersonate),
});
