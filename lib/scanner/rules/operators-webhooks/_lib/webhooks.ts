import { isRecord, type LabelSelector } from "../../../istio/selectors";
import type { K8sObject } from "../../../types";

export const WEBHOOK_KINDS = ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"] as const;

export type WebhookRule = { apiGroups: string[]; resources: string[]; operations: string[]; scope: string };
export type Webhook = {
  hook: Record<string, unknown>;
  path: string;
  name: string;
  rules: WebhookRule[];
  clientConfig: Record<string, unknown>;
  namespaceSelector?: LabelSelector;
  /** failurePolicy with the API version's default applied (v1: Fail, v1beta1: Ignore). */
  failurePolicy: string;
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export const webhooksOf = (obj: K8sObject): Webhook[] => {
  const list = Array.isArray(obj.webhooks) ? obj.webhooks : [];
  const legacy = (obj.apiVersion ?? "").endsWith("/v1beta1");
  return list.flatMap((hook, i) =>
    isRecord(hook)
      ? [
          {
            hook,
            path: `webhooks[${i}]`,
            name: String(hook.name ?? `#${i}`),
            rules: (Array.isArray(hook.rules) ? hook.rules : []).filter(isRecord).map((r) => ({
              apiGroups: strings(r.apiGroups),
              resources: strings(r.resources),
              operations: strings(r.operations),
              scope: typeof r.scope === "string" ? r.scope : "*",
            })),
            clientConfig: isRecord(hook.clientConfig) ? hook.clientConfig : {},
            namespaceSelector: isRecord(hook.namespaceSelector) ? (hook.namespaceSelector as LabelSelector) : undefined,
            failurePolicy: typeof hook.failurePolicy === "string" ? hook.failurePolicy : legacy ? "Ignore" : "Fail",
          },
        ]
      : [],
  );
};

/** Resources whose admission decisions guard cluster security: workloads, RBAC, credentials, admission itself. */
const SENSITIVE = new Set([
  "pods", "deployments", "daemonsets", "statefulsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs",
  "roles", "rolebindings", "clusterroles", "clusterrolebindings", "serviceaccounts", "secrets", "namespaces", "nodes",
  "networkpolicies", "podsecuritypolicies", "persistentvolumes", "validatingwebhookconfigurations",
  "mutatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings",
  "certificatesigningrequests", "customresourcedefinitions", "ingresses", "services", "authorizationpolicies", "peerauthentications",
]);

const baseResource = (r: string) => r.split("/")[0];

/** The security-relevant resources a set of rules covers ("*" when it covers everything). */
export const sensitiveResources = (rules: WebhookRule[]): string[] => {
  const out = new Set<string>();
  for (const r of rules) for (const res of r.resources) {
    if (res === "*" || res === "*/*") out.add("*");
    else if (SENSITIVE.has(baseResource(res))) out.add(res);
  }
  return [...out];
};

export const coversEverything = (r: WebhookRule) => r.apiGroups.includes("*") && r.resources.some((x) => x === "*" || x === "*/*");

export const describeWebhook = (obj: K8sObject, w: Webhook) => `Webhook '${w.name}' of ${obj.kind} '${obj.metadata?.name ?? "?"}'`;
