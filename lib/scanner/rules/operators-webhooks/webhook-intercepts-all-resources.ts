import { defineRule } from "../../define-rule";
import { coversEverything, describeWebhook, webhooksOf, WEBHOOK_KINDS } from "./_lib/webhooks";

const ALL_OPS = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

export default defineRule({
  id: "TWR-0805",
  name: "webhook-intercepts-all-resources",
  title: "Webhook intercepts every resource or Secrets",
  severity: "medium",
  theme: "operators-webhooks",
  targets: WEBHOOK_KINDS,
  description:
    "A webhook whose rules match all API groups and resources (*/*) for every operation receives every object written to the cluster, and one that matches secrets receives Secret payloads in clear. Whoever controls the webhook (its image, its namespace, its service account) can read all of it, and a mutating webhook can rewrite any object, so the webhook becomes a cluster-wide privilege-escalation point.",
  remediation:
    "List only the API groups, resources and operations the webhook needs; keep Secrets out of its rules unless it exists to validate them, and protect the webhook's namespace and workload like the control plane.",
  references: [
    "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-rules",
    "https://kubernetes.io/docs/concepts/cluster-administration/admission-webhooks-good-practices/",
  ],
  refs: {},
  check: (obj) =>
    webhooksOf(obj).flatMap((w) =>
      w.rules.flatMap((r, i) => {
        const path = `${w.path}.rules[${i}]`;
        const allOps = r.operations.includes("*") || ALL_OPS.every((op) => r.operations.includes(op));
        if (coversEverything(r) && allOps)
          return [{ path: `${path}.resources`, value: r.resources.join(","), message: `${describeWebhook(obj, w)} matches all API groups and resources for all operations (${path})` }];
        const secrets = r.resources.find((x) => x === "secrets" || x.startsWith("secrets/") || ((x === "*" || x === "*/*") && (r.apiGroups.includes("") || r.apiGroups.includes("*"))));
        if (secrets && (r.apiGroups.includes("") || r.apiGroups.includes("*")))
          return [{ path: `${path}.resources`, value: r.resources.join(","), message: `${describeWebhook(obj, w)} receives Secret objects (${path}.resources includes '${secrets}', operations ${r.operations.join(",") || "none"})` }];
        return [];
      }),
    ),
});
