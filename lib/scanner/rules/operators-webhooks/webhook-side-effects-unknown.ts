import { defineRule } from "../../define-rule";
import { describeWebhook, webhooksOf, WEBHOOK_KINDS } from "./_lib/webhooks";

export default defineRule({
  id: "TWR-0803",
  name: "webhook-side-effects-unknown",
  title: "Webhook declares side effects Unknown or Some",
  severity: "low",
  theme: "operators-webhooks",
  targets: WEBHOOK_KINDS,
  description:
    "sideEffects Unknown or Some tells the API server the webhook changes state outside the request. Dry-run requests that reach it are rejected (breaking kubectl --dry-run=server, policy testing and GitOps diffs), and the side effects happen even for requests a later admission step rejects. admissionregistration.k8s.io/v1 accepts only None and NoneOnDryRun.",
  remediation:
    "Make the webhook free of side effects, or skip them when AdmissionReview.request.dryRun is true, and set sideEffects: None (or NoneOnDryRun); migrate the configuration to admissionregistration.k8s.io/v1.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#side-effects"],
  refs: {},
  check: (obj) =>
    webhooksOf(obj).flatMap((w) => {
      const value = typeof w.hook.sideEffects === "string" ? w.hook.sideEffects : (obj.apiVersion ?? "").endsWith("/v1beta1") ? "Unknown" : undefined;
      if (value !== "Unknown" && value !== "Some") return [];
      return [{ path: `${w.path}.sideEffects`, value, message: `${describeWebhook(obj, w)} ${typeof w.hook.sideEffects === "string" ? "sets" : "defaults to (v1beta1)"} ${w.path}.sideEffects=${value}` }];
    }),
});
