import "server-only";
import type { Ctx } from "@/lib/auth/context";
import { getPool } from "@/lib/db";
import { SEVERITIES } from "@/lib/scanner/types";
import type { TFindingFilters } from "./filters";
import { countsSql, isCountable } from "./counts-sql";

type TFindingGroupRow = { key: Record<string, string>; total: number; bySeverity: Record<string, number> };

const MAX_GROUPS = 500;

const KEYS = {
  rule: [`"ruleId"`, `"ruleName"`, "title"],
  resource: [`"clusterId"`, "namespace", "kind", "name"],
} as const;

/** Findings counted per rule or per resource: worst severity first, then the largest groups, at most MAX_GROUPS. */
export const groupFindings = async (ctx: Ctx, f: TFindingFilters): Promise<TFindingGroupRow[]> => {
  const cols = KEYS[f.groupBy === "rule" ? "rule" : "resource"];
  const keys = cols.join(", ");
  // "FindingCount" has no resource columns.
  const { sql, params } = countsSql({ ctx, f, keys, fromCounts: f.groupBy === "rule" && isCountable(f) });
  const bySeverity = (s: string) => `coalesce(sum(n) filter (where severity = '${s}'), 0)`;
  const worst = `case ${SEVERITIES.map((s, i) => `when ${bySeverity(s)} > 0 then ${i}`).join(" ")} end`;
  const res = await getPool().query(
    `select ${cols.map((c, i) => `${c} as k${i}`).join(", ")}, ${SEVERITIES.map((s) => `${bySeverity(s)}::int as ${s}`).join(", ")}
       from (${sql}) c group by ${keys} having sum(n) > 0
      order by ${worst}, sum(n) desc, ${keys} limit ${MAX_GROUPS}`,
    params,
  );
  return res.rows.map((r: Record<string, string | number>) => {
    const bySeverity = Object.fromEntries(SEVERITIES.filter((s) => Number(r[s]) > 0).map((s) => [s, Number(r[s])]));
    const key = Object.fromEntries(cols.map((c, i) => [c.replaceAll('"', ""), String(r[`k${i}`])]));
    return { key, total: Object.values(bySeverity).reduce((a, b) => a + b, 0), bySeverity };
  });
};
