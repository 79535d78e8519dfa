import { RULES } from "@/lib/scanner/rules";

/**
 * The explorer's text search matches resource names (a trigram index) and rules (by id, name or title,
 * resolved here against the catalog, then an index on ruleId). Messages are not searched: a trigram
 * index over them was the largest write cost of every scan.
 */
export const rulesMatching = (q: string): string[] => {
  const needle = q.toLowerCase();
  return RULES.filter((r) => r.id.toLowerCase().includes(needle) || r.name.includes(needle) || r.title.toLowerCase().includes(needle)).map((r) => r.id);
};
