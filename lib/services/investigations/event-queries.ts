import "server-only";
import type pg from "pg";
import type { TSeenValue, TTimeline } from "@/lib/client/investigations";
import { EVENT_COLUMNS, scopeWhere, serializeEvent, type TEventRow, type TEventScope } from "./event-scope";

const BUCKET_SECONDS = [60, 300, 900, 3600, 6 * 3600, 86_400];
const MAX_BUCKETS = 720;

/** Per-minute buckets unless the window is too long for that to stay readable (at most 720 bars). */
export const bucketSecondsFor = (from: Date, to: Date) => {
  const span = (to.getTime() - from.getTime()) / 1000;
  return BUCKET_SECONDS.find((b) => span / b <= MAX_BUCKETS) ?? BUCKET_SECONDS.at(-1)!;
};

/** Requests (not stage rows: one request logs up to three) per bucket; empty buckets are filled with zeros. */
export const countEventsPerBucket = async (pool: pg.Pool, scope: TEventScope): Promise<TTimeline> => {
  const bucketSeconds = bucketSecondsFor(scope.from, scope.to);
  const { where, params } = scopeWhere(scope);
  // Each request counts once, in the bucket of its first stage (ResponseStarted and ResponseComplete can straddle a minute).
  const r = await pool.query<{ b: string; events: string; denied: string }>(
    `select floor(extract(epoch from ts) / ${bucketSeconds})::bigint as b, count(*) as events, count(*) filter (where denied) as denied
       from (select min(ts) as ts, bool_or(code >= 400 or decision = 'forbid') as denied from audit_events where ${where} group by cluster_id, audit_id) r
      group by 1 order by 1`,
    params,
  );
  const byBucket = new Map(r.rows.map((x) => [Number(x.b), x]));
  const first = Math.floor(scope.from.getTime() / 1000 / bucketSeconds);
  const last = Math.floor((scope.to.getTime() - 1) / 1000 / bucketSeconds);
  const points = [];
  for (let b = first; b <= last; b++) {
    const row = byBucket.get(b);
    points.push({ t: b * bucketSeconds * 1000, events: Number(row?.events ?? 0), denied: Number(row?.denied ?? 0) });
  }
  return { from: scope.from.toISOString(), to: scope.to.toISOString(), bucketSeconds, points };
};

/** Distinct values of one column (source_ip, user_agent) with how often and when they were seen. */
export const seenValues = async (pool: pg.Pool, scope: TEventScope, column: "source_ip" | "user_agent", limit = 50): Promise<TSeenValue[]> => {
  const { where, params } = scopeWhere(scope);
  const r = await pool.query<{ value: string; events: string; first: Date; last: Date }>(
    `select ${column} as value, count(distinct audit_id) as events, min(ts) as first, max(ts) as last
       from audit_events where ${where} and ${column} is not null group by 1 order by events desc, value limit ${limit}`,
    params,
  );
  return r.rows.map((x) => ({ value: x.value, events: Number(x.events), firstSeen: x.first.toISOString(), lastSeen: x.last.toISOString() }));
};

/** The latest requests in scope, one row per request (its most complete stage). */
export const listEvents = async (pool: pg.Pool, scope: TEventScope, opts: { limit: number; extraWhere?: string; extraParams?: unknown[] } = { limit: 200 }) => {
  const { where, params } = scopeWhere(scope, [...(opts.extraParams ?? [])]);
  // A request is shown at the time it started (its first stage), with its most complete stage's fields.
  const r = await pool.query<TEventRow & { first_ts: Date }>(
    `select * from (
       select distinct on (cluster_id, audit_id) ${EVENT_COLUMNS}, min(ts) over (partition by cluster_id, audit_id) as first_ts from audit_events where ${where} ${opts.extraWhere ? `and (${opts.extraWhere})` : ""}
        order by cluster_id, audit_id, case stage when 'ResponseComplete' then 0 when 'ResponseStarted' then 1 when 'Panic' then 2 else 3 end
     ) e order by first_ts desc, audit_id limit ${Math.floor(opts.limit)}`,
    params,
  );
  return r.rows.map((row) => serializeEvent({ ...row, ts: row.first_ts }));
};
