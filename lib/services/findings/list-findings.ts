import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db, getPool, type DbTypes } from "@/lib/db";
import { ZFindingFilters, type TFindingFilters } from "./filters";
import { serializeFinding } from "./serialize";
import { findingWhere, findingWhereSql } from "./where";

const SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"] as const;

/**
 * Totals up to this many are exact. Above it, counting every matching row costs more than the page itself
 * (hundreds of milliseconds at 500,000 findings), so the total is PostgreSQL's row estimate for the same
 * filter, never less than what the caller has already paged through, and flagged `totalIsEstimate`.
 */
export const EXACT_COUNT_MAX = 10_000;

const countFindings = async (ctx: Ctx, f: TFindingFilters, where: DbTypes.FindingWhereInput) => {
  const capped = await db.finding.count({ where, take: EXACT_COUNT_MAX + 1 });
  if (capped <= EXACT_COUNT_MAX) return { total: capped, totalIsEstimate: false };
  const { sql, params } = findingWhereSql(ctx, f);
  const plan = await getPool().query(`explain (format json) select 1 from "Finding" where ${sql}`, params);
  const estimate = Math.round(Number(plan.rows[0]?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0));
  return { total: Math.max(estimate, capped), totalIsEstimate: true };
};

const orderBy = (f: TFindingFilters): DbTypes.FindingOrderByWithRelationInput[] => {
  // Severity is an enum declared most-severe first, so ascending enum order is "critical first".
  const dir = f.order;
  const flip = dir === "desc" ? "asc" : "desc";
  switch (f.sort) {
    case "severity": return [{ severity: flip }, { lastSeenAt: "desc" }, { id: "asc" }];
    case "firstSeen": return [{ firstSeenAt: dir }, { id: "asc" }];
    case "lastSeen": return [{ lastSeenAt: dir }, { id: "asc" }];
    case "rule": return [{ ruleName: dir }, { severity: "asc" }, { id: "asc" }];
    case "resource": return [{ namespace: dir }, { kind: dir }, { name: dir }, { id: "asc" }];
  }
};

/** The same order as `orderBy`, in SQL. */
const orderSql = (f: TFindingFilters) => {
  const dir = f.order === "desc" ? "desc" : "asc";
  const flip = dir === "desc" ? "asc" : "desc";
  switch (f.sort) {
    case "severity": return `severity ${flip}, "lastSeenAt" desc, id asc`;
    case "firstSeen": return `"firstSeenAt" ${dir}, id asc`;
    case "lastSeen": return `"lastSeenAt" ${dir}, id asc`;
    case "rule": return `"ruleName" ${dir}, severity asc, id asc`;
    case "resource": return `namespace ${dir}, kind ${dir}, name ${dir}, id asc`;
  }
};

/** From this offset on, a page's ids are read first (an index-only scan when the filter allows), then its rows. */
const DEFERRED_FROM = 1000;

/**
 * The ids of one page, in order, when reading them first is cheaper than one query; undefined otherwise.
 * Text search: the matches are collected first through the trigram indexes and then sorted, instead of letting
 * the planner walk the sort index hoping to meet 50 matches early (rare when matches cluster in one severity).
 */
const pageIds = async (ctx: Ctx, f: TFindingFilters, where: DbTypes.FindingWhereInput, skip: number): Promise<string[] | undefined> => {
  if (f.q) {
    const { sql, params } = findingWhereSql(ctx, f);
    const res = await getPool().query(
      `with m as materialized (select id, severity, "lastSeenAt", "firstSeenAt", "ruleName", namespace, kind, name from "Finding" where ${sql})
       select id from m order by ${orderSql(f)} offset ${skip} limit ${f.pageSize}`,
      params,
    );
    return res.rows.map((r: { id: string }) => r.id);
  }
  if (skip < DEFERRED_FROM) return undefined;
  return (await db.finding.findMany({ where, orderBy: orderBy(f), skip, take: f.pageSize, select: { id: true } })).map((r) => r.id);
};

const INCLUDE = { cluster: { select: { name: true, lastGoodScanAt: true } }, suppression: { select: { id: true, reason: true, expiresAt: true } } } as const;

const pageRows = async (ctx: Ctx, f: TFindingFilters, where: DbTypes.FindingWhereInput, skip: number) => {
  const ids = await pageIds(ctx, f, where, skip);
  if (!ids) return db.finding.findMany({ where, orderBy: orderBy(f), skip, take: f.pageSize, include: INCLUDE });
  if (!ids.length) return [];
  const rows = await db.finding.findMany({ where: { id: { in: ids } }, include: INCLUDE });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

/** One page of the findings explorer, or groups by rule / resource with counts per severity. */
export const listFindings = async ({ ctx, input }: { ctx: Ctx; input: unknown }) => {
  requirePermission(ctx, "findings.read");
  const f = ZFindingFilters.parse(input);
  const where = findingWhere(ctx, f);
  if (f.groupBy !== "none") return { groups: await groupFindings(where, f), filters: f };
  const skip = (f.page - 1) * f.pageSize;
  const [count, rows] = await Promise.all([
    countFindings(ctx, f, where),
    pageRows(ctx, f, where, skip),
  ]);
  // An estimate is never below the rows the caller can already see.
  const total = count.totalIsEstimate ? Math.max(count.total, skip + rows.length) : count.total;
  return { items: rows.map(serializeFinding), total, totalIsEstimate: count.totalIsEstimate, page: f.page, pageSize: f.pageSize, filters: f };
};

const groupFindings = async (where: DbTypes.FindingWhereInput, f: TFindingFilters) => {
  const by = f.groupBy === "rule" ? (["ruleId", "ruleName", "title", "severity"] as const) : (["clusterId", "namespace", "kind", "name", "severity"] as const);
  const rows = await db.finding.groupBy({ by: [...by], where, _count: { _all: true } });
  const groups = new Map<string, { key: Record<string, string>; total: number; bySeverity: Record<string, number> }>();
  for (const r of rows as unknown as Array<Record<string, string> & { _count: { _all: number } }>) {
    const keyFields = Object.fromEntries(by.filter((k) => k !== "severity").map((k) => [k, r[k]]));
    const k = JSON.stringify(keyFields);
    const g = groups.get(k) ?? { key: keyFields, total: 0, bySeverity: {} };
    g.total += r._count._all;
    g.bySeverity[r.severity] = (g.bySeverity[r.severity] ?? 0) + r._count._all;
    groups.set(k, g);
  }
  const worst = (g: { bySeverity: Record<string, number> }) => SEVERITY_ORDER.findIndex((s) => g.bySeverity[s]);
  return [...groups.values()].sort((a, b) => worst(a) - worst(b) || b.total - a.total).slice(0, 500);
};
