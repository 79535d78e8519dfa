import "server-only";
import type pg from "pg";
import type { TSeenValue, TTimeline } from "@/lib/client/investigations";
import { bucketSecondsFor } from "./event-queries";
import { PAIR_RESOURCE, tailRows, type TTail } from "./first-seen";
import { DAY_MS, HOUR_MS } from "./principal-rollups";

type TScope = { clusterIds: string[]; from: Date; to: Date; username: string };
type TPart = { kind: "pair" | "source_ip" | "user_agent" | "time"; cluster_id: string; verb: string; value: string; requests: number; denied: number; first: Date; last: Date };
export type TPairCount = { clusterId: string; verb: string; resource: string; events: number; firstSeen: string; lastSeen: string };

const REQUEST_COLUMNS = `cluster_id, audit_id, ts, verb, ${PAIR_RESOURCE} as resource, source_ip, user_agent, coalesce(code >= 400 or decision = 'forbid', false) as denied`;

/**
 * Raw rows the rollups do not cover: the range outside [covered.from, covered.to), and inside it the events
 * the detection worker has not processed yet. Requests are grouped by (auditID, ts) as the rollups count them;
 * a request the worker already counted through another stage adds only a denial its counted stages lacked.
 * Time parts are per minute.
 */
const rawParts = async (pool: pg.Pool, s: TScope, covered: { from: Date; to: Date } | null, unprocessed: readonly TTail[]) => {
  const params: unknown[] = [s.username];
  const p = (v: unknown) => `$${params.push(v)}`;
  const windows = covered ? [[s.from, covered.from], [covered.to, s.to]].filter(([a, b]) => a < b) : [[s.from, s.to]];
  const branches = windows.map(
    ([a, b]) => `select ${REQUEST_COLUMNS}, null::boolean as denied_before from audit_events where cluster_id = any(${p(s.clusterIds)}::text[]) and username = $1 and ts >= ${p(a)} and ts < ${p(b)}`,
  );
  if (covered && unprocessed.length) {
    const [a, b] = [p(covered.from), p(covered.to)];
    for (const tail of unprocessed) {
      branches.push(`select ${REQUEST_COLUMNS}, c.denied_before from ${tailRows(p, tail)} t
        cross join lateral (select bool_or(coalesce(c.code >= 400 or c.decision = 'forbid', false)) as denied_before
                              from audit_events c where c.cluster_id = t.cluster_id and c.audit_id = t.audit_id and c.ts = t.ts and c.seq <= ${p(tail.cursor)}) c
        where username = $1 and ts >= ${a} and ts < ${b}`);
    }
  }
  if (!branches.length) return [];
  const r = await pool.query<TPart>(
    `with r as (${branches.join(" union all ")}),
     req as (select cluster_id, audit_id, ts, min(verb) as verb, min(resource) as resource, min(source_ip) as source_ip, min(user_agent) as user_agent,
                    bool_or(denied) as denied, bool_or(denied_before is not null) as counted, coalesce(bool_or(denied_before), false) as denied_before
               from r group by 1, 2, 3),
     new as (select * from req where not counted)
     select 'pair' as kind, cluster_id, verb, resource as value, count(*)::int as requests, 0 as denied, min(ts) as first, max(ts) as last from new group by 2, 3, 4
     union all select 'source_ip', '', '', source_ip, count(*)::int, 0, min(ts), max(ts) from new where source_ip is not null group by 4
     union all select 'user_agent', '', '', user_agent, count(*)::int, 0, min(ts), max(ts) from new where user_agent is not null group by 4
     union all select 'time', '', '', (floor(extract(epoch from ts) / 60) * 60000)::bigint::text, (count(*) filter (where not counted))::int,
                      (count(*) filter (where denied and not denied_before))::int, min(ts), max(ts)
                 from req group by 4`,
    params,
  );
  return r.rows;
};

/**
 * The rollups over whole hours [from, to): pairs, source IPs and user agents from the daily table for whole
 * days and the hourly one for the hours at either end; time parts from the 5-minute buckets.
 */
const rolledParts = async (pool: pg.Pool, s: TScope, covered: { from: Date; to: Date }) => {
  const params: unknown[] = [s.clusterIds, s.username, covered.from, covered.to];
  const p = (v: unknown) => `$${params.push(v)}`;
  const dayFrom = Math.ceil(covered.from.getTime() / DAY_MS) * DAY_MS;
  const dayTo = Math.floor(covered.to.getTime() / DAY_MS) * DAY_MS;
  const spans: Array<[string, string, Date, Date]> =
    dayFrom < dayTo
      ? [["AuditPrincipalDaily", "day", new Date(dayFrom), new Date(dayTo)], ["AuditPrincipalHourly", "hour", covered.from, new Date(dayFrom)], ["AuditPrincipalHourly", "hour", new Date(dayTo), covered.to]]
      : [["AuditPrincipalHourly", "hour", covered.from, covered.to]];
  const values = spans
    .filter(([, , a, b]) => a < b)
    .map(([table, start, a, b]) => `select kind, "clusterId", verb, value, requests, first, last from "${table}" where "clusterId" = any($1::text[]) and username = $2 and ${start} >= ${p(a)} and ${start} < ${p(b)}`);
  return (await pool.query<TPart>(
    `select kind, "clusterId" as cluster_id, verb, value, sum(requests)::int as requests, 0 as denied, min(first) as first, max(last) as last
       from (${values.join(" union all ")}) v group by 1, 2, 3, 4
     union all
     select 'time', '', '', (extract(epoch from bucket) * 1000)::bigint::text, sum(requests)::int, sum(denied)::int, min(bucket), max(bucket)
       from "AuditPrincipalBucket" where "clusterId" = any($1::text[]) and username = $2 and bucket >= $3 and bucket < $4 group by 4`,
    params,
  )).rows;
};

type TMerged = { clusterId: string; verb: string; value: string; events: number; denied: number; first: number; last: number };

const merge = (parts: TPart[], keyOf: (x: TPart) => string) => {
  const out = new Map<string, TMerged>();
  for (const x of parts) {
    const key = keyOf(x);
    const m = out.get(key);
    if (!m) out.set(key, { clusterId: x.cluster_id, verb: x.verb, value: x.value, events: x.requests, denied: x.denied, first: x.first.getTime(), last: x.last.getTime() });
    else {
      m.events += x.requests;
      m.denied += x.denied;
      m.first = Math.min(m.first, x.first.getTime());
      m.last = Math.max(m.last, x.last.getTime());
    }
  }
  return [...out.values()].filter((m) => m.events > 0);
};

const byEventsThen = (key: (m: TMerged) => string) => (a: TMerged, b: TMerged) => b.events - a.events || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

const seenValues = (parts: TPart[], kind: TPart["kind"], limit: number): TSeenValue[] =>
  merge(parts.filter((x) => x.kind === kind), (x) => x.value)
    .sort(byEventsThen((m) => m.value))
    .slice(0, limit)
    .map((m) => ({ value: m.value, events: m.events, firstSeen: new Date(m.first).toISOString(), lastSeen: new Date(m.last).toISOString() }));

const timelineOf = (parts: TPart[], s: TScope, bucketSeconds: number): TTimeline => {
  const bucketMs = bucketSeconds * 1000;
  const byBucket = new Map<number, { events: number; denied: number }>();
  for (const x of parts) {
    if (x.kind !== "time") continue;
    const b = Math.floor(Number(x.value) / bucketMs);
    const acc = byBucket.get(b) ?? byBucket.set(b, { events: 0, denied: 0 }).get(b)!;
    acc.events += x.requests;
    acc.denied += x.denied;
  }
  const points = [];
  for (let b = Math.floor(s.from.getTime() / bucketMs); b <= Math.floor((s.to.getTime() - 1) / bucketMs); b++) {
    const acc = byBucket.get(b);
    points.push({ t: b * bucketMs, events: acc?.events ?? 0, denied: acc?.denied ?? 0 });
  }
  return { from: s.from.toISOString(), to: s.to.toISOString(), bucketSeconds, points };
};

/**
 * What a principal did in a range, counted in requests: per cluster, verb and resource (top 500), source IPs and
 * user agents (top 50 each), and a timeline. Whole hours and days come from the rollups the detection worker keeps; the
 * rest (under an hour at each end, events not processed yet, ranges short enough for minute bars) from raw rows.
 * `unprocessed`: the clusters' unprocessed tails (unprocessedTails), read once by the page for all its queries.
 */
export const principalSummary = async (pool: pg.Pool, s: TScope, unprocessed: readonly TTail[]) => {
  const bucketSeconds = bucketSecondsFor(s.from, s.to);
  const hourFrom = Math.ceil(s.from.getTime() / HOUR_MS) * HOUR_MS;
  const hourTo = Math.floor(s.to.getTime() / HOUR_MS) * HOUR_MS;
  // Minute bars need raw rows; the rollups' finest bucket is 5 minutes.
  const covered = bucketSeconds % 300 === 0 && hourFrom < hourTo ? { from: new Date(hourFrom), to: new Date(hourTo) } : null;
  const [raw, rolled] = await Promise.all([rawParts(pool, s, covered, unprocessed), covered ? rolledParts(pool, s, covered) : Promise.resolve([])]);
  const parts = [...raw, ...rolled];
  const pairs: TPairCount[] = merge(parts.filter((x) => x.kind === "pair"), (x) => `${x.cluster_id}\u0000${x.verb}\u0000${x.value}`)
    .sort(byEventsThen((m) => `${m.verb}\u0000${m.value}`))
    .slice(0, 500)
    .map((m) => ({ clusterId: m.clusterId, verb: m.verb, resource: m.value, events: m.events, firstSeen: new Date(m.first).toISOString(), lastSeen: new Date(m.last).toISOString() }));
  return { pairs, sourceIps: seenValues(parts, "source_ip", 50), userAgents: seenValues(parts, "user_agent", 50), timeline: timelineOf(parts, s, bucketSeconds) };
};
