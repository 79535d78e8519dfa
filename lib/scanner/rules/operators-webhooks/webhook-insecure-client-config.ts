import { defineRule } from "../../define-rule";
import { describeWebhook, webhooksOf, WEBHOOK_KINDS } from "./_lib/webhooks";

export default defineRule({
  id: "TWR-0804",
  name: "webhook-insecure-client-config",
  title: "Webhook reached over plain HTTP or without a pinned CA",
  severity: "high",
  theme: "operators-webhooks",
  targets: WEBHOOK_KINDS,
  description:
    "The API server sends full objects (including Secret data and pod specs) to admission webhooks and trusts their verdicts and patches. A clientConfig.url with http:// exposes the requests and responses to anyone on the path, who can read them or inject a mutating patch. An https URL without caBundle is verified against the API server's system trust store, so any publicly trusted certificate for that name is accepted.",
  remediation:
    "Point clientConfig at an in-cluster Service (clientConfig.service) with a caBundle, or use an https:// URL with caBundle set to the CA that signs the webhook's certificate.",
  references: [
    "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#contacting-the-webhook",
    "https://kubernetes.io/docs/concepts/cluster-administration/admission-webhooks-good-practices/",
  ],
  refs: {},
  check: (obj) =>
    webhooksOf(obj).flatMap((w) => {
      const url = typeof w.clientConfig.url === "string" ? w.clientConfig.url : undefined;
      if (!url) return [];
      if (/^http:\/\//i.test(url))
        return [{ path: `${w.path}.clientConfig.url`, value: url, message: `${describeWebhook(obj, w)} sets ${w.path}.clientConfig.url to plain HTTP (${url})` }];
      if (!w.clientConfig.caBundle)
        return [{ path: `${w.path}.clientConfig.caBundle`, message: `${describeWebhook(obj, w)} calls ${url} (${w.path}.clientConfig.url) without ${w.path}.clientConfig.caBundle: any publicly trusted certificate is accepted` }];
      return [];
    }),
});
