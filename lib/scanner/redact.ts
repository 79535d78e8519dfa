/** Replaces a secret value by a marker that keeps only its length, so evidence never carries it. */
export const redact = (value: unknown): string => {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  return `[redacted: ${text.length} chars]`;
};
