import { defineRule } from "../../define-rule";
import { labelSelectorMatches } from "../../istio/selectors";
import type { Snapshot } from "../../snapshot";
import { describeWebhook, webhooksOf, WEBHOOK_KINDS } from "./_lib/webhooks";

/** Labels of a namespace: the snapshot's Namespace object if present, else the label every namespace carries. */
const nsLabels = (snapshot: Snapshot, name: string): Record<string, string> => ({
  "kubernetes.io/metadata.name": name,
  ...(snapshot.get("Namespace", undefined, name)?.metadata?.labels ?? {}),
});

export default defineRule({
  id: "TWR-0802",
  name: "webhook-fail-closed-without-namespace-exclusion",
  title: "Fail-closed webhook does not exempt kube-system or its own namespace",
  severity: "medium",
  theme: "operators-webhooks",
  targets: WEBHOOK_KINDS,
  description:
    "A webhook with failurePolicy Fail rejects every matching request while it is unavailable. If its namespaceSelector also matches kube-system (or the namespace the webhook itself runs in), an outage blocks the control-plane add-ons and the webhook's own pods from being recreated: the cluster locks itself out until someone deletes the configuration.",
  remediation:
    "Add a namespaceSelector that excludes kube-system and the webhook's namespace, e.g. matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system, <webhook-namespace>]}], or scope rules to cluster-scoped resources only.",
  references: [
    "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#avoiding-operating-on-the-kube-system-namespace",
    "https://kubernetes.io/docs/concepts/cluster-administration/admission-webhooks-good-practices/#avoid-locking-up",
  ],
  refs: {},
  check: (obj, ctx) =>
    webhooksOf(obj).flatMap((w) => {
      if (w.failurePolicy !== "Fail" || !w.rules.some((r) => r.scope !== "Cluster")) return [];
      const svc = w.clientConfig.service as { namespace?: string } | undefined;
      const locked = ["kube-system", ...(svc?.namespace && svc.namespace !== "kube-system" ? [svc.namespace] : [])].filter((ns) =>
        labelSelectorMatches(w.namespaceSelector, nsLabels(ctx.snapshot, ns)),
      );
      if (!locked.length) return [];
      return [{ path: `${w.path}.namespaceSelector`, value: locked.join(","), message: `${describeWebhook(obj, w)} fails closed (failurePolicy=Fail) and ${w.path}.namespaceSelector does not exclude ${locked.join(" or ")}` }];
    }),
});
