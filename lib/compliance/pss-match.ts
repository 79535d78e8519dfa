import type { Control, RuleInfo } from "./types";

// Leaf names too common to identify a field alone ("type", "add") are skipped; ambiguous ones keep their parent.
const GENERIC_LEAVES = new Set(["type", "name", "add", "drop", "user", "role"]);
const AMBIGUOUS_LEAVES = new Set(["privileged", "host", "annotations", "capabilities"]);

/** `spec.containers[*].securityContext.capabilities.add` -> `capabilities`; `...privileged` -> `securityContext.privileged`. */
export const fieldKeyOf = (field: string): string | undefined => {
  const path = field.split(/\s/)[0].replace(/\[[^\]]*\]/g, "");
  if (!/^(spec|metadata)\./.test(path)) return undefined;
  const parts = path.split(".").filter(Boolean);
  while (parts.length > 1 && GENERIC_LEAVES.has(parts[parts.length - 1])) parts.pop();
  const leaf = parts[parts.length - 1];
  if (AMBIGUOUS_LEAVES.has(leaf) && parts.length > 1) return `${parts[parts.length - 2]}.${leaf}`;
  return leaf;
};

export const fieldKeysOf = (control: Control): string[] =>
  [...new Set((control.fields ?? []).map(fieldKeyOf).filter((k): k is string => !!k && k !== "volumes" && k !== "spec"))];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const mentions = (text: string, key: string) => new RegExp(`(^|[^A-Za-z0-9_])${escapeRegex(key)}([^A-Za-z0-9_]|$)`, "i").test(text);

/**
 * Rules that assess a PSS control: a pod-spec rule that claims the control's level in refs.pss and names one of the
 * fields the control restricts in its description or remediation. Rules say which level they enforce, not which
 * control, so the field names are the link; rules of other kinds (namespace labels) check no pod field.
 */
export const pssRulesFor = (control: Control, rules: readonly RuleInfo[]): string[] => {
  const keys = fieldKeysOf(control);
  return rules
    .filter((r) => r.type === "pod" && (r.refs.pss ?? []).includes(control.section))
    .filter((r) => {
      const text = `${r.description}\n${r.remediation}`;
      return keys.some((k) => mentions(text, k));
    })
    .map((r) => r.id);
};
