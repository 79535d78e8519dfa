import { defineRule } from "../../define-rule";
import { isRecord } from "../../istio/selectors";

export default defineRule({
  id: "TWR-0808",
  name: "crd-conversion-webhook-insecure",
  title: "CRD conversion webhook reached over plain HTTP or without a pinned CA",
  severity: "medium",
  theme: "operators-webhooks",
  targets: ["CustomResourceDefinition"],
  description:
    "A CustomResourceDefinition with a Webhook conversion strategy sends every stored custom resource through the conversion webhook and stores what comes back. An http:// URL, or an https URL without caBundle, lets anyone on the path (or with any publicly trusted certificate for the name) read and rewrite those objects.",
  remediation: "Use spec.conversion.webhook.clientConfig.service with a caBundle, or an https:// URL with caBundle set to the webhook's CA.",
  references: ["https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definition-versioning/#configure-customresourcedefinition-to-use-conversion-webhooks"],
  refs: {},
  check: (obj) => {
    const conversion = isRecord(obj.spec) && isRecord(obj.spec.conversion) ? obj.spec.conversion : undefined;
    if (conversion?.strategy !== "Webhook") return [];
    const cc = isRecord(conversion.webhook) && isRecord(conversion.webhook.clientConfig) ? conversion.webhook.clientConfig : isRecord(conversion.webhookClientConfig) ? conversion.webhookClientConfig : {};
    const base = isRecord(conversion.webhook) ? "spec.conversion.webhook.clientConfig" : "spec.conversion.webhookClientConfig";
    const url = typeof cc.url === "string" ? cc.url : undefined;
    if (!url) return [];
    if (/^http:\/\//i.test(url)) return [{ path: `${base}.url`, value: url, message: `CustomResourceDefinition '${obj.metadata?.name}' converts through plain HTTP ${base}.url (${url})` }];
    if (!cc.caBundle) return [{ path: `${base}.caBundle`, message: `CustomResourceDefinition '${obj.metadata?.name}' calls conversion webhook ${url} without ${base}.caBundle` }];
    return [];
  },
});
