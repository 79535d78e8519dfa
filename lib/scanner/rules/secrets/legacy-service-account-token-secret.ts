import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";

export default defineRule({
  id: "TWR-0407",
  name: "legacy-service-account-token-secret",
  title: "Long-lived service-account token Secret",
  severity: "medium",
  theme: "secrets",
  targets: ["Secret"],
  description:
    "A Secret of type kubernetes.io/service-account-token holds a token that never expires and is not bound to a pod: whoever " +
    "reads it (a backup, a `get secrets` permission, a leaked manifest) can act as the service account until the Secret is " +
    "deleted. Since Kubernetes 1.24 pods get short-lived projected tokens instead, and 1.29+ marks unused legacy tokens invalid.",
  remediation:
    "Delete the Secret and use short-lived tokens: projected serviceAccountToken volumes in pods, or `kubectl create token` / the " +
    "TokenRequest API for external clients. If a long-lived token is truly required, scope the service account's RBAC tightly " +
    "and rotate it on a schedule.",
  references: [
    "https://kubernetes.io/docs/concepts/configuration/secret/#serviceaccount-token-secrets",
    "https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/#legacy-serviceaccount-token-cleaner",
  ],
  refs: {},
  check: (obj) => {
    if (obj.type !== "kubernetes.io/service-account-token") return [];
    const sa = obj.metadata?.annotations?.["kubernetes.io/service-account.name"];
    return [
      {
        path: "type",
        value: obj.type,
        message: `${describeObject(obj)} is a long-lived token Secret (type kubernetes.io/service-account-token)${sa ? ` for service account '${sa}'` : ""}`,
      },
    ];
  },
});
