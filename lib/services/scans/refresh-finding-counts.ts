import "server-only";
import type pg from "pg";

const COLUMNS = `"orgId", "clusterId", "ruleId", "ruleName", title, theme, severity, status`;

/** Rewrites one cluster's "FindingCount" rows from its findings; call it in the transaction that wrote them. */
export const refreshFindingCounts = async (c: pg.PoolClient | pg.Pool, clusterId: string) => {
  await c.query(`delete from "FindingCount" where "clusterId" = $1`, [clusterId]);
  await c.query(`insert into "FindingCount" (${COLUMNS}, n) select ${COLUMNS}, count(*)::int from "Finding" where "clusterId" = $1 group by ${COLUMNS}`, [clusterId]);
};
