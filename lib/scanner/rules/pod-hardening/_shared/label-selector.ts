type Requirement = { key?: unknown; operator?: unknown; values?: unknown };
export type LabelSelector = { matchLabels?: Record<string, unknown>; matchExpressions?: Requirement[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Kubernetes label selector semantics: an absent or empty selector matches everything; an unknown operator matches nothing. */
export const selectorMatches = (selector: unknown, labels: Record<string, string>): boolean => {
  if (!isRecord(selector)) return true;
  const { matchLabels, matchExpressions } = selector as LabelSelector;
  if (isRecord(matchLabels) && Object.entries(matchLabels).some(([k, v]) => labels[k] !== v)) return false;
  for (const r of Array.isArray(matchExpressions) ? matchExpressions : []) {
    if (!isRecord(r) || typeof r.key !== "string") return false;
    const values = Array.isArray(r.values) ? r.values : [];
    const has = Object.hasOwn(labels, r.key);
    const ok =
      r.operator === "In" ? has && values.includes(labels[r.key]) :
      r.operator === "NotIn" ? !has || !values.includes(labels[r.key]) :
      r.operator === "Exists" ? has :
      r.operator === "DoesNotExist" ? !has : false;
    if (!ok) return false;
  }
  return true;
};

export const isEmptySelector = (selector: unknown): boolean =>
  !isRecord(selector) || ((!isRecord(selector.matchLabels) || !Object.keys(selector.matchLabels).length) && (!Array.isArray(selector.matchExpressions) || !selector.matchExpressions.length));
