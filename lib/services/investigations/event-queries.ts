import "server-only";
import type pg from "pg";
import { EVENT_COLUMNS, scopeWhere, serializeEvent, type TEventRow, type TEventScope } from "./event-scope";

const BUCKET_SECONDS = [60, 300, 900, 3600, 6 * 3600, 86_400];
const MAX_BUCKETS = 720;
const MAX_MINUTE_BARS = 120;
/** RequestReceived, ResponseStarted, ResponseComplete or Panic. */
const ROWS_PER_REQUEST = 4;

/**
 * Minute bars up to two hours, then the finest of 5 minutes, 15 minutes, an hour, 6 hours and a day that keeps
 * the chart at 720 bars or fewer. Every size above a minute is whole 5-minute rollup buckets.
 */
export const bucketSecondsFor = (from: Date, to: Date) => {
  const span = (to.getTime() - from.getTime()) / 1000;
  if (span <= MAX_MINUTE_BARS * 60) return 60;
  return BUCKET_SECONDS.find((b) => b > 60 && span / b <= MAX_BUCKETS) ?? BUCKET_SECONDS.at(-1)!;
};

/** The latest requests in scope, one row per request (its most complete stage). */
export const listEvents = async (pool: pg.Pool, scope: TEventScope, opts: { limit: number; extraWhere?: string; extraParams?: unknown[] } = { limit: 200 }) => {
  const { where, params } = scopeWhere(scope, [...(opts.extraParams ?? [])], "k.id");
  const limit = Math.floor(opts.limit);
  // Stages of a request share its ts (requestReceivedTimestamp), so the latest requests are among the latest
  // few rows per cluster: each cluster is read newest first from an index and stops there.
  const r = await pool.query<TEventRow & { first_ts: Date }>(
    `select * from (
       select distinct on (cluster_id, audit_id) x.*, min(ts) over (partition by cluster_id, audit_id) as first_ts
         from unnest(${`$${params.push(scope.clusterIds)}`}::text[]) k(id)
         cross join lateral (select ${EVENT_COLUMNS} from audit_events where ${where} ${opts.extraWhere ? `and (${opts.extraWhere})` : ""} order by ts desc limit ${limit * ROWS_PER_REQUEST}) x
        order by cluster_id, audit_id, case stage when 'ResponseComplete' then 0 when 'ResponseStarted' then 1 when 'Panic' then 2 else 3 end
     ) e order by first_ts desc, audit_id limit ${limit}`,
    params,
  );
  return r.rows.map((row) => serializeEvent({ ...row, ts: row.first_ts }));
};
