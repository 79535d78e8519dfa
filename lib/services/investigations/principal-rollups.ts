import "server-only";
import type pg from "pg";
import { pairResource } from "./first-seen";

/**
 * Per-principal rollups (AuditPrincipalBucket, AuditPrincipalHourly, AuditPrincipalDaily), kept by the detection
 * worker chunk by chunk. A request is identified by (auditID, ts): ts is its requestReceivedTimestamp, the same in
 * every stage, so a request falls in one bucket whichever of its stages are logged. It counts once: in the chunk
 * that holds its first processed stage; a stage that arrives in a later chunk only adds a denial the earlier ones
 * lacked. Pairs, source IPs and user agents are kept per hour and per day: a week is read as days plus the hours at
 * either end.
 */

export const BUCKET_MS = 300_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The audit_events columns a chunk is read with (readChunk in run-audit-detection). */
export type TRollupSource = {
  audit_id: string;
  /** ts in ms since the epoch, with the microseconds as a fraction. */
  ts_ms: number;
  /** ts as PostgreSQL prints it: exact, to find the request's other stages by key. */
  ts_text: string;
  username: string;
  verb: string;
  resource: string | null;
  subresource: string | null;
  source_ip: string | null;
  user_agent: string | null;
  code: number | null;
  decision: string | null;
};

/** As the queries over raw rows spell it: `code >= 400 or decision = 'forbid'`. */
const isDenied = (r: TRollupSource) => (r.code !== null && r.code >= 400) || r.decision === "forbid";

type TRequest = { source: TRollupSource; denied: boolean };

/**
 * The chunk's requests, by auditID and then ts text (an auditID normally has one ts). Maps of maps keep the
 * keys the strings the driver made: a 20,000-row chunk builds no key strings.
 */
const requestsOf = (rows: readonly TRollupSource[]) => {
  const requests = new Map<string, Map<string, TRequest>>();
  for (const row of rows) {
    let byTs = requests.get(row.audit_id);
    if (!byTs) requests.set(row.audit_id, (byTs = new Map()));
    const seen = byTs.get(row.ts_text);
    if (!seen) byTs.set(row.ts_text, { source: row, denied: isDenied(row) });
    else if (!seen.denied && isDenied(row)) seen.denied = true;
  }
  return requests;
};

type TRequests = ReturnType<typeof requestsOf>;

const eachRequest = function* (requests: TRequests) {
  for (const byTs of requests.values()) yield* byTs.values();
};

/** Requests of the chunk that earlier chunks already counted: auditID, then ts text, to whether they were denied. */
const countedBefore = async (c: pg.ClientBase, clusterId: string, after: number, requests: TRequests) => {
  const ids: string[] = [];
  const times: string[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const { source } of eachRequest(requests)) {
    ids.push(source.audit_id);
    times.push(source.ts_text);
    if (source.ts_ms < min) min = source.ts_ms;
    if (source.ts_ms > max) max = source.ts_ms;
  }
  // The ts bounds let PostgreSQL prune partitions before the per-request primary key probes.
  const r = await c.query<{ audit_id: string; ts_text: string; denied: boolean }>(
    `select p.audit_id, p.ts::text as ts_text, bool_or(coalesce(p.code >= 400 or p.decision = 'forbid', false)) as denied
       from unnest($2::text[], $3::timestamptz[]) k(audit_id, ts)
       join audit_events p on p.cluster_id = $1 and p.audit_id = k.audit_id and p.ts = k.ts
      where p.seq <= $4 and p.ts >= $5 and p.ts <= $6
      group by 1, 2`,
    [clusterId, ids, times, after, new Date(Math.floor(min) - 1), new Date(Math.ceil(max) + 1)],
  );
  const before = new Map<string, Map<string, boolean>>();
  for (const x of r.rows) (before.get(x.audit_id) ?? before.set(x.audit_id, new Map()).get(x.audit_id)!).set(x.ts_text, x.denied);
  return before;
};

type TCount = { requests: number; first: number; last: number };
/** kind ("pair", "source_ip", "user_agent") -> verb ("" but for pairs) -> value -> count. */
type TValueCounts = Map<string, Map<string, Map<string, TCount>>>;
/** username -> period start (ms) -> counts in that period. */
type TPeriods = Map<string, Map<number, TValueCounts>>;
type TBuckets = Map<string, Map<number, { requests: number; denied: number }>>;

const child = <K, V>(m: Map<K, V>, k: K, make: () => V) => {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
};

const bump = (counts: TValueCounts, kind: string, verb: string, value: string, add: TCount) => {
  const byValue = child(child(counts, kind, () => new Map()), verb, () => new Map());
  const c = byValue.get(value);
  if (!c) byValue.set(value, { ...add });
  else {
    c.requests += add.requests;
    if (add.first < c.first) c.first = add.first;
    if (add.last > c.last) c.last = add.last;
  }
};

const countNew = (hourly: TPeriods, s: TRollupSource) => {
  const t = Math.floor(s.ts_ms);
  const counts = child(child(hourly, s.username, () => new Map()), Math.floor(t / HOUR_MS) * HOUR_MS, () => new Map());
  const one = { requests: 1, first: t, last: t };
  bump(counts, "pair", s.verb, pairResource(s.resource, s.subresource), one);
  if (s.source_ip !== null) bump(counts, "source_ip", "", s.source_ip, one);
  if (s.user_agent !== null) bump(counts, "user_agent", "", s.user_agent, one);
};

/** Days from hours: far fewer hourly counts than requests to fold. */
const dailyOf = (hourly: TPeriods) => {
  const daily: TPeriods = new Map();
  for (const [username, hours] of hourly) {
    for (const [hour, counts] of hours) {
      const day = child(child(daily, username, () => new Map()), Math.floor(hour / DAY_MS) * DAY_MS, () => new Map());
      for (const [kind, verbs] of counts) for (const [verb, values] of verbs) for (const [value, c] of values) bump(day, kind, verb, value, c);
    }
  }
  return daily;
};

const deltasOf = (requests: TRequests, before: Map<string, Map<string, boolean>>) => {
  const buckets: TBuckets = new Map();
  const hourly: TPeriods = new Map();
  for (const { source: s, denied } of eachRequest(requests)) {
    const counted = before.get(s.audit_id)?.get(s.ts_text);
    const isNew = counted === undefined;
    const newlyDenied = denied && !counted;
    if (!isNew && !newlyDenied) continue;
    const b = child(child(buckets, s.username, () => new Map()), Math.floor(s.ts_ms / BUCKET_MS) * BUCKET_MS, () => ({ requests: 0, denied: 0 }));
    if (isNew) b.requests++;
    if (newlyDenied) b.denied++;
    if (isNew) countNew(hourly, s);
  }
  return { buckets, hourly, daily: dailyOf(hourly) };
};

const iso = (ms: number) => new Date(ms).toISOString();

const upsertBuckets = async (c: pg.ClientBase, clusterId: string, buckets: TBuckets) => {
  const cols: [string[], string[], number[], number[]] = [[], [], [], []];
  for (const [username, byBucket] of buckets) {
    for (const [bucket, x] of byBucket) {
      cols[0].push(username);
      cols[1].push(iso(bucket));
      cols[2].push(x.requests);
      cols[3].push(x.denied);
    }
  }
  if (!cols[0].length) return;
  await c.query(
    `insert into "AuditPrincipalBucket" ("clusterId", username, bucket, requests, denied)
     select $1, t.username, t.bucket, t.requests, t.denied from unnest($2::text[], $3::timestamptz[], $4::int[], $5::int[]) t(username, bucket, requests, denied)
     order by 2, 3
     on conflict ("clusterId", username, bucket) do update
       set requests = "AuditPrincipalBucket".requests + excluded.requests, denied = "AuditPrincipalBucket".denied + excluded.denied`,
    [clusterId, ...cols],
  );
};

const upsertValues = async (c: pg.ClientBase, table: "AuditPrincipalHourly" | "AuditPrincipalDaily", clusterId: string, periods: TPeriods) => {
  const cols: [string[], string[], string[], string[], string[], number[], string[], string[]] = [[], [], [], [], [], [], [], []];
  for (const [username, byStart] of periods) {
    for (const [start, counts] of byStart) {
      for (const [kind, verbs] of counts) {
        for (const [verb, values] of verbs) {
          for (const [value, x] of values) {
            const row = [username, iso(start), kind, verb, value, x.requests, iso(x.first), iso(x.last)] as const;
            row.forEach((v, i) => (cols[i] as unknown[]).push(v));
          }
        }
      }
    }
  }
  if (!cols[0].length) return;
  const start = table === "AuditPrincipalHourly" ? "hour" : "day";
  await c.query(
    `insert into "${table}" ("clusterId", username, ${start}, kind, verb, value, requests, first, last)
     select $1, t.* from unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamptz[], $9::timestamptz[])
       t(username, start, kind, verb, value, requests, first, last)
     order by 2, 3, 4, 5, 6
     on conflict ("clusterId", username, ${start}, kind, verb, value) do update
       set requests = "${table}".requests + excluded.requests, first = least("${table}".first, excluded.first), last = greatest("${table}".last, excluded.last)`,
    [clusterId, ...cols],
  );
};

/**
 * Folds one chunk (the rows with seq in (after, last seq of the chunk]) into the principal rollups. Runs in
 * the detection worker's chunk transaction, so the rollups cover exactly the events up to the stored cursor.
 */
export const recordPrincipalRollups = async (c: pg.ClientBase, input: { clusterId: string; after: number; rows: readonly TRollupSource[] }) => {
  const requests = requestsOf(input.rows);
  if (!requests.size) return;
  const before = await countedBefore(c, input.clusterId, input.after, requests);
  const deltas = deltasOf(requests, before);
  await upsertBuckets(c, input.clusterId, deltas.buckets);
  await upsertValues(c, "AuditPrincipalHourly", input.clusterId, deltas.hourly);
  await upsertValues(c, "AuditPrincipalDaily", input.clusterId, deltas.daily);
};
