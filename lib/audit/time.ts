/** Parses RFC3339 and the "2024-01-19 13:47:18.279921000" form some exports use; NaN when absent or unreadable. */
export const toRfc3339 = (t: string | undefined | null): string | undefined => {
  if (!t) return undefined;
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?$/.exec(t.trim());
  if (!m) return t;
  return `${m[1]}T${m[2]}${m[3] ? m[3].slice(0, 4) : ""}${m[4] ?? "Z"}`;
};

export const parseTimestamp = (t: string | undefined | null): number => {
  const s = toRfc3339(t);
  return s ? Date.parse(s) : Number.NaN;
};
