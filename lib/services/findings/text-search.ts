import { RULES } from "@/lib/scanner/rules";
import { resolveRuleFilter } from "./rule-filter";

/**
 * The explorer's text search matches resource names (a trigram index) and rules (by id, name or title,
 * resolved here against the catalog, then the ruleName index). Messages are not searched: a trigram
 * index over them was the largest write cost of every scan.
 */
export const rulesMatching = (q: string): string[] => {
  const needle = q.toLowerCase();
  return RULES.filter((r) => r.id.toLowerCase().includes(needle) || r.name.includes(needle) || r.title.toLowerCase().includes(needle)).map((r) => r.id);
};

/** Every name the rules matching `q` have had, as the `rule` filter resolves ids: what findings store. */
export const ruleNamesMatching = (q: string): string[] => resolveRuleFilter(rulesMatching(q)).names;
