import { defineRule } from "../../define-rule";
import { nsOf, recordList, ROOT_NAMESPACE, specOf, stringList, workloads } from "../../istio/mesh";
import { asLabels, formatSelector, isRecord, mapSelects } from "../../istio/selectors";
import type { Snapshot } from "../../snapshot";

/** Istio namespace patterns: exact, "*", "prefix*" or "*suffix". */
const nsPatternMatches = (pattern: string, ns: string) =>
  pattern === "*" || pattern === ns || (pattern.endsWith("*") && ns.startsWith(pattern.slice(0, -1))) || (pattern.startsWith("*") && ns.endsWith(pattern.slice(1)));

const knownNamespaces = (snapshot: Snapshot): string[] | undefined =>
  snapshot.memo("istio:namespaces", () => (snapshot.byKind("Namespace").length ? snapshot.namespaces().filter((n) => typeof n === "string") : undefined));

export default defineRule({
  id: "TWR-0707",
  name: "istio-authorizationpolicy-no-matching-workloads",
  title: "Istio AuthorizationPolicy matches no workload or names a missing namespace",
  severity: "low",
  theme: "istio",
  targets: ["AuthorizationPolicy"],
  description:
    "A policy whose selector matches no pod (or a namespace-wide policy in a namespace without workloads) protects nothing, which usually means a typo in a label and a workload left without the intended access control. Source namespace patterns that match no namespace are dead conditions. These are istioctl analyze IST0127 and IST0101. Namespace names are checked only when Namespace objects are in the snapshot.",
  remediation:
    "Fix spec.selector.matchLabels to the labels the workload's pods carry (or move the policy to the workload's namespace), and correct or remove source namespaces/notNamespaces that match no namespace.",
  references: [
    "https://istio.io/latest/docs/reference/config/analysis/ist0127/",
    "https://istio.io/latest/docs/reference/config/analysis/ist0101/",
    "https://istio.io/latest/docs/reference/config/security/authorization-policy/",
  ],
  refs: { istio: ["IST0127", "IST0101"] },
  check: (obj, ctx) => {
    const spec = specOf(obj);
    if (spec.targetRef || spec.targetRefs) return [];
    const ns = nsOf(obj);
    const name = obj.metadata?.name;
    const out: Array<{ path: string; message: string; value?: string }> = [];
    const selector = isRecord(spec.selector) ? asLabels(spec.selector.matchLabels) : {};
    const { all, byNamespace } = workloads(ctx.snapshot);
    if (Object.keys(selector).length) {
      const pool = ns === ROOT_NAMESPACE ? all : byNamespace.get(ns) ?? [];
      if (!pool.some((w) => mapSelects(selector, w.labels)))
        out.push({ path: "spec.selector.matchLabels", value: formatSelector(selector), message: `AuthorizationPolicy '${name}' in '${ns}': spec.selector.matchLabels (${formatSelector(selector)}) matches no workload${ns === ROOT_NAMESPACE ? " in the mesh" : " in its namespace"}` });
    } else if (ns !== ROOT_NAMESPACE && !(byNamespace.get(ns) ?? []).length) {
      out.push({ path: "metadata.namespace", value: ns, message: `Namespace-wide AuthorizationPolicy '${name}' applies to namespace '${ns}', which has no workloads` });
    }
    const namespaces = knownNamespaces(ctx.snapshot);
    if (!namespaces) return out;
    recordList(spec.rules).forEach((rule, r) =>
      recordList(rule.from).forEach((from, f) => {
        const source = isRecord(from.source) ? from.source : {};
        for (const field of ["namespaces", "notNamespaces"] as const)
          stringList(source[field]).forEach((pattern, i) => {
            if (!namespaces.some((n) => nsPatternMatches(pattern, n)))
              out.push({ path: `spec.rules[${r}].from[${f}].source.${field}[${i}]`, value: pattern, message: `AuthorizationPolicy '${name}' in '${ns}': spec.rules[${r}].from[${f}].source.${field}[${i}] '${pattern}' matches no namespace` });
          });
      }),
    );
    return out;
  },
});
