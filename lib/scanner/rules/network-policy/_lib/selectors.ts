export type LabelSelectorRequirement = { key?: string; operator?: string; values?: unknown[] };
export type LabelSelector = { matchLabels?: Record<string, unknown>; matchExpressions?: LabelSelectorRequirement[] };
export type Labels = Record<string, string> | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An absent or empty selector ({}, {matchLabels: {}}) selects every pod of its scope. */
export const isEmptySelector = (selector: unknown): boolean => {
  if (!isRecord(selector)) return true;
  const labels = isRecord(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
  return labels === 0 && exprs === 0;
};

const matchesRequirement = (req: LabelSelectorRequirement, labels: Record<string, string>, normaliseKey: (k: string) => string): boolean => {
  if (!isRecord(req) || typeof req.key !== "string") return false;
  const key = normaliseKey(req.key);
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  const values = Array.isArray(req.values) ? req.values.map(String) : [];
  switch (req.operator) {
    case "In":
      return has && values.includes(labels[key]);
    case "NotIn":
      return !has || !values.includes(labels[key]);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      return false;
  }
};

/**
 * Kubernetes label-selector semantics: every matchLabels pair and every matchExpressions requirement must hold (AND).
 * `normaliseKey` lets Cilium selectors ("k8s:app") be read against plain pod labels.
 */
export const matchesSelector = (selector: unknown, podLabels: Labels, normaliseKey: (k: string) => string = (k) => k): boolean => {
  if (!isRecord(selector)) return true;
  const labels = podLabels ?? {};
  if (isRecord(selector.matchLabels))
    for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[normaliseKey(k)] !== String(v)) return false;
  if (Array.isArray(selector.matchExpressions))
    for (const req of selector.matchExpressions) if (!matchesRequirement(req as LabelSelectorRequirement, labels, normaliseKey)) return false;
  return true;
};
