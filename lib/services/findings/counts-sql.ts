import "server-only";
import type { Ctx } from "@/lib/auth/context";
import type { TFindingFilters } from "./filters";
import { findingWhereSql } from "./where";

/** Filters that "FindingCount" can answer: it has no namespace, kind, resource name or first-seen date. */
export const isCountable = (f: TFindingFilters) => !f.namespace && !f.kind && !f.q && !f.firstSeenAfter;

/**
 * Rows of (`keys`, severity, n) whose n add up to the matching findings. With `fromCounts` (for countable filters
 * only) they are "FindingCount" rows (which scans keep, suppressed or not) minus the suppressed findings, read live
 * from their small partial index since suppressions change between scans; otherwise one row per matching finding.
 */
export const countsSql = ({ ctx, f, keys, fromCounts }: { ctx: Ctx; f: TFindingFilters; keys: string; fromCounts: boolean }) => {
  if (!fromCounts) {
    const { sql, params } = findingWhereSql(ctx, f);
    return { sql: `select ${keys}, severity, 1 as n from "Finding" where ${sql}`, params };
  }
  const { sql, params } = findingWhereSql(ctx, { ...f, suppressed: "include" });
  const suppressed = (n: number) => `select ${keys}, severity, ${n} as n from "Finding" where ${sql} and "suppressionId" is not null`;
  const all = `select ${keys}, severity, n from "FindingCount" where ${sql}`;
  if (f.suppressed === "only") return { sql: suppressed(1), params };
  if (f.suppressed === "include") return { sql: all, params };
  return { sql: `${all} union all ${suppressed(-1)}`, params };
};
