import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db, getPool, type DbTypes } from "@/lib/db";
import { ZFindingFilters, type TFindingFilters } from "./filters";
import { countsSql, isCountable } from "./counts-sql";
import { groupFindings } from "./group-findings";
import { orderBy } from "./order";
import { pageIds } from "./page-ids";
import { serializeFinding } from "./serialize";
import { textSearchSql } from "./text-search-sql";
import { findingWhere, findingWhereSql } from "./where";

/**
 * Totals of filters over whole clusters are exact, from "FindingCount". Otherwise totals up to this many are exact;
 * above it, counting every matching row costs more than the page itself (hundreds of milliseconds at 500,000
 * findings), so the total is PostgreSQL's row estimate for the same filter, never less than what the caller has
 * already paged through, and flagged `totalIsEstimate`.
 */
export const EXACT_COUNT_MAX = 10_000;

/** The matching findings as one `select 1`; a text search as its disjoint parts, the rules' from the index alone. */
const matchesSql = (ctx: Ctx, f: TFindingFilters) => {
  if (f.q) {
    const { params, anyRule, otherByName } = textSearchSql(ctx, { ...f, q: f.q });
    return { sql: `select 1 from "Finding" where ${anyRule} union all select 1 from "Finding" where ${otherByName}`, params };
  }
  const { sql, params } = findingWhereSql(ctx, f);
  return { sql: `select 1 from "Finding" where ${sql}`, params };
};

const cappedCount = async (ctx: Ctx, f: TFindingFilters) => {
  const { sql, params } = matchesSql(ctx, f);
  // No ORDER BY (Prisma's capped count adds one by id): any 10,001 matches will do, from whichever index is cheapest.
  const res = await getPool().query(`select count(*)::int as n from (${sql} limit ${EXACT_COUNT_MAX + 1}) m`, params);
  const capped: number = res.rows[0].n;
  if (capped <= EXACT_COUNT_MAX) return { total: capped, totalIsEstimate: false };
  const plan = await getPool().query(`explain (format json) ${sql}`, params);
  const estimate = Math.round(Number(plan.rows[0]?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0));
  return { total: Math.max(estimate, capped), totalIsEstimate: true };
};

const countFindings = async (ctx: Ctx, f: TFindingFilters) => {
  if (!isCountable(f)) return cappedCount(ctx, f);
  const { sql, params } = countsSql({ ctx, f, keys: `"orgId"`, fromCounts: true });
  const res = await getPool().query(`select coalesce(sum(n), 0)::int as n from (${sql}) c`, params);
  return { total: res.rows[0].n as number, totalIsEstimate: false };
};

const INCLUDE = { cluster: { select: { name: true, lastGoodScanAt: true } }, suppression: { select: { id: true, reason: true, expiresAt: true } } } as const;

const pageRows = async (ctx: Ctx, f: TFindingFilters, where: DbTypes.FindingWhereInput, skip: number) => {
  const ids = await pageIds({ ctx, f, where, skip });
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
  if (f.groupBy !== "none") return { groups: await groupFindings(ctx, f), filters: f };
  const where = findingWhere(ctx, f);
  const skip = (f.page - 1) * f.pageSize;
  const [count, rows] = await Promise.all([
    countFindings(ctx, f),
    pageRows(ctx, f, where, skip),
  ]);
  // An estimate is never below the rows the caller can already see.
  const total = count.totalIsEstimate ? Math.max(count.total, skip + rows.length) : count.total;
  return { items: rows.map(serializeFinding), total, totalIsEstimate: count.totalIsEstimate, page: f.page, pageSize: f.pageSize, filters: f };
};
