import "server-only";
import type pg from "pg";
import type { AuditEvent } from "@/lib/audit";
import type { TEventScope } from "./event-scope";

// Retention drops whole daily partitions: a day older than the oldest one left holds no retained event.
const OLDEST_RETAINED_DAY = `(select min(to_date(right(c.relname, 8), 'YYYYMMDD')) from pg_inherits i join pg_class c on c.oid = i.inhrelid
  where i.inhparent = 'audit_events'::regclass and c.relname ~ '^audit_events_[0-9]{8}$')`;

export const PAIR_RESOURCE = "coalesce(resource || coalesce('/' || subresource, ''), '')";

const DAY_MS = 86_400_000;

/** The pair's resource as PAIR_RESOURCE makes it from the stored columns (empty parts are stored as NULL). */
export const pairResource = (resource: string | null | undefined, subresource: string | null | undefined) =>
  resource ? (subresource ? `${resource}/${subresource}` : resource) : "";

type TFirstUse = { username: string; verb: string; resource: string; day: number; ts: number };

/**
 * The earliest time of each (principal, verb, resource, UTC day) in a chunk, folded in memory; nested maps,
 * so that no key string is built per event.
 */
const firstUses = (events: readonly AuditEvent[]) => {
  const byUser = new Map<string, Map<string, Map<string, Map<number, TFirstUse>>>>();
  const uses: TFirstUse[] = [];
  for (const e of events) {
    const resource = pairResource(e.objectRef.resource, e.objectRef.subresource);
    const day = Math.floor(e.ts / DAY_MS);
    let byVerb = byUser.get(e.user.username);
    if (!byVerb) byUser.set(e.user.username, (byVerb = new Map()));
    let byResource = byVerb.get(e.verb);
    if (!byResource) byVerb.set(e.verb, (byResource = new Map()));
    let byDay = byResource.get(resource);
    if (!byDay) byResource.set(resource, (byDay = new Map()));
    const seen = byDay.get(day);
    if (!seen) {
      const use = { username: e.user.username, verb: e.verb, resource, day, ts: e.ts };
      byDay.set(day, use);
      uses.push(use);
    } else if (e.ts < seen.ts) seen.ts = e.ts;
  }
  return uses;
};

/**
 * Folds one processed chunk of a cluster's events into AuditFirstSeen, and forgets days that retention
 * dropped. Runs in the detection worker's chunk transaction, so the table always covers exactly the events up
 * to the stored cursor. The chunk is already in memory: reading it back from audit_events would cost more.
 */
export const recordFirstSeen = async (c: pg.ClientBase, input: { clusterId: string; events: readonly AuditEvent[] }) => {
  const uses = firstUses(input.events);
  if (uses.length) {
    await c.query(
      `insert into "AuditFirstSeen" ("clusterId", username, verb, resource, day, "firstSeen")
       select $1, t.username, t.verb, t.resource, t.day, t.first from unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::timestamptz[]) as t(username, verb, resource, day, first)
       order by 2, 3, 4, 5
       on conflict ("clusterId", username, verb, resource, day) do update set "firstSeen" = excluded."firstSeen"
         where excluded."firstSeen" < "AuditFirstSeen"."firstSeen"`,
      [input.clusterId, uses.map((u) => u.username), uses.map((u) => u.verb), uses.map((u) => u.resource), uses.map((u) => new Date(u.day * DAY_MS).toISOString().slice(0, 10)), uses.map((u) => new Date(u.ts))],
    );
  }
  await c.query(`delete from "AuditFirstSeen" where "clusterId" = $1 and day < ${OLDEST_RETAINED_DAY}`, [input.clusterId]);
};

export const pairKey = (clusterId: string, verb: string, resource: string) => `${clusterId}\u0000${verb}\u0000${resource}`;

/**
 * The clusters with stored events the detection worker has not reached yet: seq in (cursor, last]. A cluster
 * that is caught up has no tail. The upper bound matters as much: seq grows across all clusters, so for a quiet
 * cluster "seq > cursor" alone looks to the planner like most of a partition, and it would scan it whole.
 */
export const unprocessedTails = async (pool: pg.Pool, clusterIds: string[]) => {
  const r = await pool.query<{ id: string; cursor: string; last: string }>(
    `select k.id, coalesce(s."cursorSeq", 0)::text as cursor, (select max(seq) from audit_events e where e.cluster_id = k.id)::text as last
       from unnest($1::text[]) k(id) left join "AuditDetectionState" s on s."clusterId" = k.id`,
    [clusterIds],
  );
  return r.rows.filter((x) => x.last !== null && BigInt(x.last) > BigInt(x.cursor));
};

export type TTail = Awaited<ReturnType<typeof unprocessedTails>>[number];

/** audit_events rows of a tail; offset 0 keeps it a scan of the (cluster_id, seq) index, whatever the outer filters. */
export const tailRows = (p: (v: unknown) => string, t: TTail) =>
  `(select * from audit_events where cluster_id = ${p(t.id)} and seq > ${p(t.cursor)} and seq <= ${p(t.last)} offset 0)`;

/**
 * The (cluster, verb, resource) pairs the principal used in retained events before the scope's start:
 * processed events from AuditFirstSeen, events the detection worker has not reached yet from audit_events
 * (after each cluster's cursor, normally a short tail read through the (cluster_id, seq) index).
 */
export const pairsUsedBefore = async (pool: pg.Pool, scope: Pick<TEventScope, "clusterIds" | "from"> & { username: string }, unprocessed: readonly TTail[]): Promise<Set<string>> => {
  const params: unknown[] = [scope.clusterIds, scope.username, scope.from];
  const p = (v: unknown) => `$${params.push(v)}`;
  const tails = unprocessed.map((t) => `union select cluster_id, verb, ${PAIR_RESOURCE} from ${tailRows(p, t)} t where username = $2 and ts < $3`);
  const r = await pool.query<{ cluster_id: string; verb: string; resource: string }>(
    `select "clusterId" as cluster_id, verb, resource from "AuditFirstSeen"
      where "clusterId" = any($1::text[]) and username = $2 and "firstSeen" < $3 and day >= ${OLDEST_RETAINED_DAY}
     ${tails.join(" ")}`,
    params,
  );
  return new Set(r.rows.map((x) => pairKey(x.cluster_id, x.verb, x.resource)));
};
