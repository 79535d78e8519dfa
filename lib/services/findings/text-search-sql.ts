import "server-only";
import type { Ctx } from "@/lib/auth/context";
import type { TFindingFilters } from "./filters";
import { ruleNamesMatching } from "./text-search";
import { findingWhereSql } from "./where";

export type TTextSearchSql = { params: unknown[]; eachRule: string[]; anyRule: string; otherByName: string };

/**
 * The text search of `findingWhereSql` as disjoint conditions, each served by one index: the findings of each
 * matching rule name (the ruleName index, already in the default and rule orders, and with status and
 * suppression to filter without the table), and the other findings whose resource name matches (trigram).
 * `otherByName` references every parameter: send it, with either form of the rule part, and `params`.
 */
export const textSearchSql = (ctx: Ctx, f: TFindingFilters & { q: string }): TTextSearchSql => {
  const { sql: base, params } = findingWhereSql(ctx, { ...f, q: undefined });
  const p = (v: unknown) => `$${params.push(v)}`;
  const ruleNames = ruleNamesMatching(f.q);
  const names = `${p(ruleNames)}::text[]`;
  // As Prisma's `contains`: the text goes between two % unescaped, so % and _ inside it are wildcards there too.
  const like = p(`%${f.q}%`);
  return {
    params,
    eachRule: ruleNames.map((_, i) => `${base} and "ruleName" = (${names})[${i + 1}]`),
    anyRule: `${base} and "ruleName" = any(${names})`,
    otherByName: `${base} and name ilike ${like} and not ("ruleName" = any(${names}))`,
  };
};
