import { defineRule } from "../../define-rule";
import type { Snapshot } from "../../snapshot";
import { describeWebhook, webhooksOf, WEBHOOK_KINDS } from "./_lib/webhooks";

const namespacesWithServices = (snapshot: Snapshot): Set<string> =>
  snapshot.memo("operators:service-namespaces", () => new Set(snapshot.byKind("Service").map((s) => s.metadata?.namespace ?? "default")));

export default defineRule({
  id: "TWR-0806",
  name: "webhook-service-missing",
  title: "Webhook points at a Service that does not exist",
  severity: "medium",
  theme: "operators-webhooks",
  targets: [...WEBHOOK_KINDS, "APIService"],
  description:
    "A webhook (or aggregated APIService) whose clientConfig.service names a missing Service cannot be called: with failurePolicy Fail every matching request is rejected, with Ignore the policy silently stops applying. Anyone who can create a Service with that name in that namespace can also take over the endpoint and receive admission requests. Reported only when the snapshot holds Services of that namespace. This is istioctl analyze IST0139 for missing services.",
  remediation: "Correct clientConfig.service.namespace/name to the webhook's Service, deploy the Service, or delete the stale webhook configuration left behind by an uninstalled operator.",
  references: [
    "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#service-reference",
    "https://istio.io/latest/docs/reference/config/analysis/ist0139/",
  ],
  refs: { istio: ["IST0139"] },
  check: (obj, ctx) => {
    const known = namespacesWithServices(ctx.snapshot);
    const refs =
      obj.kind === "APIService"
        ? [{ ref: (obj.spec as { service?: { namespace?: string; name?: string } } | undefined)?.service, path: "spec.service", who: `APIService '${obj.metadata?.name}'` }]
        : webhooksOf(obj).map((w) => ({ ref: w.clientConfig.service as { namespace?: string; name?: string } | undefined, path: `${w.path}.clientConfig.service`, who: describeWebhook(obj, w) }));
    return refs.flatMap(({ ref, path, who }) => {
      if (!ref?.name || !ref.namespace || !known.has(ref.namespace) || ctx.snapshot.get("Service", ref.namespace, ref.name)) return [];
      return [{ path: `${path}.name`, value: `${ref.namespace}/${ref.name}`, message: `${who} sets ${path} to Service '${ref.namespace}/${ref.name}', which does not exist` }];
    });
  },
});
