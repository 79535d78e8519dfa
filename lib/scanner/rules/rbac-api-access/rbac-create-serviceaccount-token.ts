import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0318",
  name: "rbac-create-serviceaccount-token",
  title: "RBAC grants creating ServiceAccount tokens",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "create on serviceaccounts/token (the TokenRequest API) mints a token for any ServiceAccount in scope, so the subject acts with every right those ServiceAccounts hold. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove serviceaccounts/token from the role, or restrict it with resourceNames to the ServiceAccounts the subject legitimately needs tokens for.",
  references: ["https://kubernetes.io/docs/reference/kubernetes-api/authentication-resources/token-request-v1/", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#token-request"],
  refs: { kubescape: ["C-0282"], cis: ["5.1.13"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.saToken),
});
