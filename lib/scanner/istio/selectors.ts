/** Kubernetes label selectors, as used by Istio workloadSelectors and webhook namespace/object selectors. */

export type LabelSelector = {
  matchLabels?: Record<string, unknown>;
  matchExpressions?: Array<{ key?: string; operator?: string; values?: unknown[] }>;
};

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const asLabels = (v: unknown): Record<string, string> => {
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (val !== undefined && val !== null) out[k] = String(val);
  return out;
};

/** A plain map selector (Gateway.spec.selector, workloadSelector.labels): every pair must be present. Empty selects all. */
export const mapSelects = (selector: Record<string, string>, labels: Record<string, string>): boolean =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** A metav1.LabelSelector. An empty selector selects everything; an unknown operator selects nothing. */
export const labelSelectorMatches = (selector: LabelSelector | undefined, labels: Record<string, string>): boolean => {
  if (!selector) return true;
  if (!mapSelects(asLabels(selector.matchLabels), labels)) return false;
  for (const expr of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
    const key = String(expr?.key ?? "");
    const values = Array.isArray(expr?.values) ? expr.values.map(String) : [];
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (expr?.operator) {
      case "In":
        if (!has || !values.includes(labels[key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
};

export const formatSelector = (selector: Record<string, string>): string =>
  Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
