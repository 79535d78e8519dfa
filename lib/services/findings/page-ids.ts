import "server-only";
import type { Ctx } from "@/lib/auth/context";
import { db, getPool, type DbTypes } from "@/lib/db";
import type { TFindingFilters } from "./filters";
import { isRuleIndexOrder, orderBy, orderSql, SORT_COLUMNS } from "./order";
import { textSearchSql } from "./text-search-sql";
import { findingWhereSql } from "./where";

type TPage = { ctx: Ctx; f: TFindingFilters; where: DbTypes.FindingWhereInput; skip: number };

const idsOf = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

/**
 * Text search: the page is a merge of ordered reads, each cut at the page's end: one per matching rule name where
 * the ruleName index gives that rule's findings in the page's order (so a page costs about (rules + 1) x (offset
 * + page size) index entries however many findings match), else one over all matching rules, and one over the
 * other findings whose resource name matches. Those are collected first through the trigram index and then
 * sorted, rather than letting the planner walk a sort index hoping to meet 50 matches early.
 */
const textPageIds = async ({ ctx, f, skip }: TPage & { f: { q: string } }) => {
  const { params, eachRule, anyRule, otherByName } = textSearchSql(ctx, f);
  const cols = SORT_COLUMNS[f.sort];
  const walk = (from: string, where = "true") => `(select ${cols} from ${from} where ${where} order by ${orderSql(f)} limit ${skip + f.pageSize})`;
  const byRule = (isRuleIndexOrder(f) ? eachRule : [anyRule]).map((w) => walk(`"Finding"`, w));
  const res = await getPool().query(
    `with named as materialized (select ${cols} from "Finding" where ${otherByName})
     select id from (${[...byRule, walk("named")].join(" union all ")}) m
      order by ${orderSql(f)} offset ${skip} limit ${f.pageSize}`,
    params,
  );
  return idsOf(res.rows);
};

/**
 * Sort by rule within themes: the ruleName index is walked only over the rule names those themes have in this
 * org, instead of reading past every other theme's findings. The names come from "FindingCount", which holds
 * every (ruleName, theme) pair the org's findings store, not from the catalog: a finding keeps the theme and
 * name its rule had when it was found, and every scan rewrites its cluster's rows in the transaction that writes
 * its findings. The theme condition stays, so the list never decides alone which findings match.
 */
const themeRulePageIds = async ({ ctx, f, skip }: TPage & { f: { theme: string[] } }) => {
  const { sql, params } = findingWhereSql(ctx, f);
  const p = (v: unknown) => `$${params.push(v)}`;
  const names = `select distinct "ruleName" from "FindingCount" where "orgId" = ${p(ctx.org.id)} and theme = any(${p(f.theme)}::text[])`;
  const res = await getPool().query(
    `select id from "Finding" where ${sql} and "ruleName" = any(array(${names})) order by ${orderSql(f)} offset ${skip} limit ${f.pageSize}`,
    params,
  );
  return idsOf(res.rows);
};

/** From this offset on, a page's ids are read first (an index-only scan when the filter allows), then its rows. */
const DEFERRED_FROM = 1000;

/** The ids of one page, in order, when reading them first is cheaper than one query; undefined otherwise. */
export const pageIds = async (page: TPage): Promise<string[] | undefined> => {
  const { f, where, skip } = page;
  if (f.q) return textPageIds({ ...page, f: { ...f, q: f.q } });
  if (f.theme && f.sort === "rule") return themeRulePageIds({ ...page, f: { ...f, theme: f.theme } });
  if (skip < DEFERRED_FROM) return undefined;
  return idsOf(await db.finding.findMany({ where, orderBy: orderBy(f), skip, take: f.pageSize, select: { id: true } }));
};
