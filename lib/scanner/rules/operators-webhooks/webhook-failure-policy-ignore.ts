import { defineRule } from "../../define-rule";
import { isRecord } from "../../istio/selectors";
import { describeWebhook, sensitiveResources, webhooksOf, WEBHOOK_KINDS, type WebhookRule } from "./_lib/webhooks";

const policyRules = (spec: Record<string, unknown>): WebhookRule[] => {
  const mc = isRecord(spec.matchConstraints) ? spec.matchConstraints : {};
  return (Array.isArray(mc.resourceRules) ? mc.resourceRules : []).filter(isRecord).map((r) => ({
    apiGroups: (r.apiGroups as string[]) ?? [],
    resources: (Array.isArray(r.resources) ? r.resources : []).map(String),
    operations: (r.operations as string[]) ?? [],
    scope: "*",
  }));
};

export default defineRule({
  id: "TWR-0801",
  name: "webhook-failure-policy-ignore",
  title: "Security admission control fails open (failurePolicy Ignore)",
  severity: "medium",
  theme: "operators-webhooks",
  targets: [...WEBHOOK_KINDS, "ValidatingAdmissionPolicy"],
  description:
    "With failurePolicy Ignore, requests are admitted unchecked whenever the webhook is down, slow or unreachable (or the policy's expression errors). For webhooks and ValidatingAdmissionPolicies that guard pods, workloads, RBAC or Secrets, an attacker who can crash or overload the webhook, or simply wait for an outage, bypasses the policy. admissionregistration.k8s.io/v1beta1 webhooks default to Ignore.",
  remediation:
    "Set failurePolicy: Fail for policy-enforcing webhooks and admission policies, run the webhook highly available (replicas, PodDisruptionBudget), and exclude kube-system and the webhook's own namespace with namespaceSelector to avoid lockouts.",
  references: [
    "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#failure-policy",
    "https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#failure-policy",
  ],
  refs: {},
  check: (obj) => {
    if (obj.kind === "ValidatingAdmissionPolicy") {
      const spec = isRecord(obj.spec) ? obj.spec : {};
      const covered = sensitiveResources(policyRules(spec));
      if (spec.failurePolicy !== "Ignore" || !covered.length) return [];
      return [{ path: "spec.failurePolicy", value: "Ignore", message: `ValidatingAdmissionPolicy '${obj.metadata?.name}' sets spec.failurePolicy=Ignore over ${covered.join(", ")}` }];
    }
    return webhooksOf(obj).flatMap((w) => {
      const covered = sensitiveResources(w.rules);
      if (w.failurePolicy !== "Ignore" || !covered.length) return [];
      const explicit = typeof w.hook.failurePolicy === "string";
      return [{ path: `${w.path}.failurePolicy`, value: "Ignore", message: `${describeWebhook(obj, w)} ${explicit ? "sets" : "defaults to (v1beta1)"} ${w.path}.failurePolicy=Ignore over ${covered.join(", ")}` }];
    });
  },
});
