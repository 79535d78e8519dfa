import "server-only";
import type pg from "pg";

/**
 * Per-principal rollups (AuditPrincipalBucket, AuditPrincipalHourly), kept by the detection worker chunk by
 * chunk. A request is identified by (auditID, ts): ts is its requestReceivedTimestamp, the same in every stage,
 * so a request falls in one bucket whichever of its stages are logged. It counts once: in the chunk that holds
 * its first processed stage; a stage that arrives in a later chunk only adds a denial the earlier ones lacked.
 * Pairs, source IPs and user agents are kept per hour and per day: a week is read as days plus the hours at
 * either end.
 */

export const BUCKET_MS = 300_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The audit_events columns a chunk is read with (readChunk in run-audit-detection). */
export type TRollupSource = {
  audit_id: string;
  ts: Date;
  /** ts as PostgreSQL prints it: exact to the microsecond, unlike the Date. */
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

/** As the queries over raw rows spell them (PAIR_RESOURCE, `code >= 400 or decision = 'forbid'`). */
const pairResource = (r: TRollupSource) => (r.resource ? `${r.resource}${r.subresource ? `/${r.subresource}` : ""}` : "");
const isDenied = (r: TRollupSource) => (r.code !== null && r.code >= 400) || r.decision === "forbid";

type TRequest = { source: TRollupSource; denied: boolean };

const requestsOf = (rows: readonly TRollupSource[]) => {
  const requests = new Map<string, TRequest>();
  for (const row of rows) {
    const key = `${row.audit_id}\u0000${row.ts_text}`;
    const seen = requests.get(key);
    if (!seen) requests.set(key, { source: row, denied: isDenied(row) });
    else if (!seen.denied && isDenied(row)) seen.denied = true;
  }
  return requests;
};

/** Requests of the chunk that earlier chunks already counted, and whether those stages were denied. */
const countedBefore = async (c: pg.ClientBase, clusterId: string, after: number, requests: Map<string, TRequest>) => {
  const ids: string[] = [];
  const times: string[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const { source } of requests.values()) {
    ids.push(source.audit_id);
    times.push(source.ts_text);
    min = Math.min(min, source.ts.getTime());
    max = Math.max(max, source.ts.getTime());
  }
  // The ts bounds let PostgreSQL prune partitions before the per-request primary key probes.
  const r = await c.query<{ audit_id: string; ts_text: string; denied: boolean }>(
    `select p.audit_id, p.ts::text as ts_text, bool_or(coalesce(p.code >= 400 or p.decision = 'forbid', false)) as denied
       from unnest($2::text[], $3::timestamptz[]) k(audit_id, ts)
       join audit_events p on p.cluster_id = $1 and p.audit_id = k.audit_id and p.ts = k.ts
      where p.seq <= $4 and p.ts >= $5 and p.ts <= $6
      group by 1, 2`,
    [clusterId, ids, times, after, new Date(min - 1), new Date(max + 1)],
  );
  return new Map(r.rows.map((x) => [`${x.audit_id}\u0000${x.ts_text}`, x.denied]));
};

type TBucketDelta = { username: string; bucket: number; requests: number; denied: number };
type TValueDelta = { username: string; start: number; kind: string; verb: string; value: string; requests: number; first: number; last: number };

const addValue = (into: Map<string, TValueDelta>, s: TRollupSource, spanMs: number, kind: string, verb: string, value: string) => {
  const t = s.ts.getTime();
  const start = Math.floor(t / spanMs) * spanMs;
  const key = `${s.username}\u0000${start}\u0000${kind}\u0000${verb}\u0000${value}`;
  const d = into.get(key);
  if (!d) into.set(key, { username: s.username, start, kind, verb, value, requests: 1, first: t, last: t });
  else {
    d.requests++;
    if (t < d.first) d.first = t;
    if (t > d.last) d.last = t;
  }
};

const addValues = (into: Map<string, TValueDelta>, s: TRollupSource, spanMs: number) => {
  addValue(into, s, spanMs, "pair", s.verb, pairResource(s));
  if (s.source_ip !== null) addValue(into, s, spanMs, "source_ip", "", s.source_ip);
  if (s.user_agent !== null) addValue(into, s, spanMs, "user_agent", "", s.user_agent);
};

const deltasOf = (requests: Map<string, TRequest>, before: Map<string, boolean>) => {
  const buckets = new Map<string, TBucketDelta>();
  const hourly = new Map<string, TValueDelta>();
  const daily = new Map<string, TValueDelta>();
  for (const [key, { source: s, denied }] of requests) {
    const counted = before.get(key);
    const isNew = counted === undefined;
    const newlyDenied = denied && !counted;
    if (!isNew && !newlyDenied) continue;
    const bucket = Math.floor(s.ts.getTime() / BUCKET_MS) * BUCKET_MS;
    const bk = `${s.username}\u0000${bucket}`;
    const b = buckets.get(bk) ?? buckets.set(bk, { username: s.username, bucket, requests: 0, denied: 0 }).get(bk)!;
    if (isNew) b.requests++;
    if (newlyDenied) b.denied++;
    if (!isNew) continue;
    addValues(hourly, s, HOUR_MS);
    addValues(daily, s, DAY_MS);
  }
  return { buckets: [...buckets.values()], hourly: [...hourly.values()], daily: [...daily.values()] };
};

const iso = (ms: number) => new Date(ms).toISOString();

const upsertBuckets = async (c: pg.ClientBase, clusterId: string, b: TBucketDelta[]) => {
  if (!b.length) return;
  await c.query(
    `insert into "AuditPrincipalBucket" ("clusterId", username, bucket, requests, denied)
     select $1, t.username, t.bucket, t.requests, t.denied from unnest($2::text[], $3::timestamptz[], $4::int[], $5::int[]) t(username, bucket, requests, denied)
     order by 2, 3
     on conflict ("clusterId", username, bucket) do update
       set requests = "AuditPrincipalBucket".requests + excluded.requests, denied = "AuditPrincipalBucket".denied + excluded.denied`,
    [clusterId, b.map((x) => x.username), b.map((x) => iso(x.bucket)), b.map((x) => x.requests), b.map((x) => x.denied)],
  );
};

const upsertValues = async (c: pg.ClientBase, table: "AuditPrincipalHourly" | "AuditPrincipalDaily", clusterId: string, v: TValueDelta[]) => {
  if (!v.length) return;
  const start = table === "AuditPrincipalHourly" ? "hour" : "day";
  await c.query(
    `insert into "${table}" ("clusterId", username, ${start}, kind, verb, value, requests, first, last)
     select $1, t.* from unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamptz[], $9::timestamptz[])
       t(username, start, kind, verb, value, requests, first, last)
     order by 2, 3, 4, 5, 6
     on conflict ("clusterId", username, ${start}, kind, verb, value) do update
       set requests = "${table}".requests + excluded.requests, first = least("${table}".first, excluded.first), last = greatest("${table}".last, excluded.last)`,
    [clusterId, v.map((x) => x.username), v.map((x) => iso(x.start)), v.map((x) => x.kind), v.map((x) => x.verb), v.map((x) => x.value), v.map((x) => x.requests), v.map((x) => iso(x.first)), v.map((x) => iso(x.last))],
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
