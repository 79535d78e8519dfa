import type { ScanContext } from "../../../define-rule";
import type { K8sObject } from "../../../types";
import { isEmptySelector, selectorMatches } from "./label-selector";

/** One admission control that validates pod creation, limited to the namespaces its selectors match. */
export type PodAdmissionControl = { describe: string; namespaceSelectors: unknown[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const anyOf = (v: unknown, wanted: string[]) => list(v).some((x) => typeof x === "string" && wanted.includes(x));

/** A webhook or policy rule that sees pod CREATE. scope "Cluster" only matches cluster-scoped objects, so never pods. */
const coversPodCreate = (rule: unknown): boolean =>
  isRecord(rule) &&
  anyOf(rule.apiGroups, ["", "*"]) &&
  anyOf(rule.resources, ["pods", "*", "*/*"]) &&
  anyOf(rule.operations, ["CREATE", "*"]) &&
  rule.scope !== "Cluster";

const webhookControls = (cfg: K8sObject): PodAdmissionControl[] =>
  list(cfg.webhooks)
    .filter((w): w is Record<string, unknown> => isRecord(w) && list(w.rules).some(coversPodCreate) && isEmptySelector(w.objectSelector))
    .map((w) => ({ describe: `ValidatingWebhookConfiguration '${cfg.metadata?.name}' (webhook '${String(w.name)}')`, namespaceSelectors: [w.namespaceSelector] }));

const policyControls = (ctx: ScanContext): PodAdmissionControl[] => {
  const out: PodAdmissionControl[] = [];
  for (const binding of ctx.snapshot.byKind("ValidatingAdmissionPolicyBinding")) {
    const spec = isRecord(binding.spec) ? binding.spec : {};
    if (typeof spec.policyName !== "string" || !anyOf(spec.validationActions, ["Deny"])) continue;
    const policy = ctx.snapshot.get("ValidatingAdmissionPolicy", undefined, spec.policyName);
    const match = isRecord(policy?.spec) && isRecord(policy.spec.matchConstraints) ? policy.spec.matchConstraints : undefined;
    if (!match || !list(match.resourceRules).some(coversPodCreate) || !isEmptySelector(match.objectSelector)) continue;
    const resources = isRecord(spec.matchResources) ? spec.matchResources : {};
    if (!isEmptySelector(resources.objectSelector)) continue;
    out.push({ describe: `ValidatingAdmissionPolicy '${spec.policyName}'`, namespaceSelectors: [match.namespaceSelector, resources.namespaceSelector] });
  }
  return out;
};

/** Validating admission controls on pods in the snapshot, computed once per scan. Mutating webhooks (sidecar injectors) do not count. */
export const podAdmissionControls = (ctx: ScanContext): PodAdmissionControl[] =>
  ctx.snapshot.memo("pod-hardening/pod-admission-controls", () => [
    ...ctx.snapshot.byKind("ValidatingWebhookConfiguration").flatMap(webhookControls),
    ...policyControls(ctx),
  ]);

/** The control that covers a namespace, if any. The API server always sets kubernetes.io/metadata.name. */
export const controlCovering = (controls: PodAdmissionControl[], ns: K8sObject): PodAdmissionControl | undefined => {
  const labels = { ...(ns.metadata?.labels ?? {}), "kubernetes.io/metadata.name": ns.metadata?.name ?? "" };
  return controls.find((c) => c.namespaceSelectors.every((s) => selectorMatches(s, labels)));
};
