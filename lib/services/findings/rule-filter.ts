import { RULES } from "@/lib/scanner/rules";

/** Every name a rule has had (its name, then former names), under its id and each of those names. */
const NAMES_BY_KEY = RULES.reduce((map, r) => {
  const names = [r.name, ...(r.aliases ?? [])];
  for (const key of [r.id, ...names]) map.set(key, [...new Set([...(map.get(key) ?? []), ...names])]);
  return map;
}, new Map<string, string[]>());

/**
 * The explorer's `rule` filter takes rule ids and names. Findings store the name their rule had when they were
 * found (renames keep the id and move the old name to `aliases`), so the catalog turns each value into every name
 * of its rule: one column, whose index is also in the explorer's default order within a rule. Values the catalog
 * does not know are matched against both columns as given.
 */
export const resolveRuleFilter = (values: string[]): { names: string[]; unknown: string[] } => {
  const names = new Set<string>();
  const unknown: string[] = [];
  for (const v of values) {
    const known = NAMES_BY_KEY.get(v);
    if (known) known.forEach((n) => names.add(n));
    else unknown.push(v);
  }
  return { names: [...names], unknown };
};
