import type { Rule } from "../../define-rule";
import apiserviceInsecureSkipTlsVerify from "./apiservice-insecure-skip-tls-verify";
import crdConversionWebhookInsecure from "./crd-conversion-webhook-insecure";
import webhookFailClosedWithoutNamespaceExclusion from "./webhook-fail-closed-without-namespace-exclusion";
import webhookFailurePolicyIgnore from "./webhook-failure-policy-ignore";
import webhookInsecureClientConfig from "./webhook-insecure-client-config";
import webhookInterceptsAllResources from "./webhook-intercepts-all-resources";
import webhookServiceMissing from "./webhook-service-missing";
import webhookSideEffectsUnknown from "./webhook-side-effects-unknown";

export const operatorRules: Rule[] = [
  apiserviceInsecureSkipTlsVerify,
  crdConversionWebhookInsecure,
  webhookFailClosedWithoutNamespaceExclusion,
  webhookFailurePolicyIgnore,
  webhookInsecureClientConfig,
  webhookInterceptsAllResources,
  webhookServiceMissing,
  webhookSideEffectsUnknown,
];
