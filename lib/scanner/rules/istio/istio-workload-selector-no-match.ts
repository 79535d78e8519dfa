import { defineRule } from "../../define-rule";
import { nsOf, ROOT_NAMESPACE, specOf, workloads } from "../../istio/mesh";
import { asLabels, formatSelector, isRecord, mapSelects } from "../../istio/selectors";

/** Where each kind keeps its workload selector labels. */
const SELECTOR_PATHS: Record<string, [string, string]> = {
  Sidecar: ["workloadSelector", "labels"],
  EnvoyFilter: ["workloadSelector", "labels"],
  Telemetry: ["selector", "matchLabels"],
  RequestAuthentication: ["selector", "matchLabels"],
  PeerAuthentication: ["selector", "matchLabels"],
  WasmPlugin: ["selector", "matchLabels"],
};

export default defineRule({
  id: "TWR-0718",
  name: "istio-workload-selector-no-match",
  title: "Istio resource's workload selector matches no workload",
  severity: "low",
  theme: "istio",
  targets: Object.keys(SELECTOR_PATHS),
  description:
    "A Sidecar, Telemetry, RequestAuthentication, PeerAuthentication, EnvoyFilter or WasmPlugin whose workload selector matches no pod in its namespace applies to nothing: a STRICT mTLS or JWT requirement, egress restriction or filter the author meant to enforce is silently absent, usually because of a label typo or the wrong namespace. Resources in the root namespace are matched against all namespaces. This is istioctl analyze IST0101 for Sidecar and Telemetry selectors.",
  remediation: "Fix the selector labels to those the target pods carry, or create the resource in the namespace of the workload it should apply to.",
  references: [
    "https://istio.io/latest/docs/reference/config/analysis/ist0101/",
    "https://istio.io/latest/docs/reference/config/type/workload-selector/",
  ],
  refs: { istio: ["IST0101"] },
  check: (obj, ctx) => {
    const [field, key] = SELECTOR_PATHS[obj.kind ?? ""] ?? [];
    const holder = field ? specOf(obj)[field] : undefined;
    const selector = isRecord(holder) ? asLabels(holder[key]) : {};
    if (!Object.keys(selector).length) return [];
    const ns = nsOf(obj);
    const { all, byNamespace } = workloads(ctx.snapshot);
    const pool = ns === ROOT_NAMESPACE ? all : byNamespace.get(ns) ?? [];
    if (pool.some((w) => mapSelects(selector, w.labels))) return [];
    return [{ path: `spec.${field}.${key}`, value: formatSelector(selector), message: `${obj.kind} '${obj.metadata?.name}' in '${ns}': spec.${field}.${key} (${formatSelector(selector)}) matches no workload` }];
  },
});
