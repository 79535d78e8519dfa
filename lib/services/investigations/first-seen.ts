import "server-only";
import type pg from "pg";
import type { TEventScope } from "./event-scope";

// Retention drops whole daily partitions: a day older than the oldest one left holds no retained event.
const OLDEST_RETAINED_DAY = `(select min(to_date(right(c.relname, 8), 'YYYYMMDD')) from pg_inherits i join pg_class c on c.oid = i.inhrelid
  where i.inhparent = 'audit_events'::regclass and c.relname ~ '^audit_events_[0-9]{8}$')`;

const PAIR_RESOURCE = "coalesce(resource || coalesce('/' || subresource, ''), '')";

/**
 * Folds one processed chunk of a cluster's events (seq in (after, upTo]) into AuditFirstSeen, and forgets
 * days that retention dropped. Runs in the detection worker's chunk transaction, so the table always
 * covers exactly the events up to the stored cursor.
 */
export const recordFirstSeen = async (c: pg.ClientBase, input: { clusterId: string; after: number; upTo: number }) => {
  await c.query(
    `insert into "AuditFirstSeen" ("clusterId", username, verb, resource, day, "firstSeen")
     select cluster_id, username, verb, ${PAIR_RESOURCE}, (ts at time zone 'UTC')::date, min(ts)
       from audit_events where cluster_id = $1 and seq > $2 and seq <= $3 group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
     on conflict ("clusterId", username, verb, resource, day) do update set "firstSeen" = excluded."firstSeen"
       where excluded."firstSeen" < "AuditFirstSeen"."firstSeen"`,
    [input.clusterId, input.after, input.upTo],
  );
  await c.query(`delete from "AuditFirstSeen" where "clusterId" = $1 and day < ${OLDEST_RETAINED_DAY}`, [input.clusterId]);
};

export const pairKey = (clusterId: string, verb: string, resource: string) => `${clusterId}\u0000${verb}\u0000${resource}`;

const cursorsOf = async (pool: pg.Pool, clusterIds: string[]) => {
  const r = await pool.query<{ id: string; cursor: string }>(
    `select k.id, coalesce(s."cursorSeq", 0)::text as cursor from unnest($1::text[]) k(id) left join "AuditDetectionState" s on s."clusterId" = k.id`,
    [clusterIds],
  );
  return r.rows;
};

/**
 * The (cluster, verb, resource) pairs the principal used in retained events before the scope's start:
 * processed events from AuditFirstSeen, events the detection worker has not reached yet from audit_events
 * (after each cluster's cursor, normally a short tail read through the (cluster_id, seq) index).
 */
export const pairsUsedBefore = async (pool: pg.Pool, scope: Pick<TEventScope, "clusterIds" | "from"> & { username: string }): Promise<Set<string>> => {
  const params: unknown[] = [scope.clusterIds, scope.username, scope.from];
  const p = (v: unknown) => `$${params.push(v)}`;
  const tails = (await cursorsOf(pool, scope.clusterIds)).map((k) => `(cluster_id = ${p(k.id)} and seq > ${p(k.cursor)})`);
  const r = await pool.query<{ cluster_id: string; verb: string; resource: string }>(
    `select "clusterId" as cluster_id, verb, resource from "AuditFirstSeen"
      where "clusterId" = any($1::text[]) and username = $2 and "firstSeen" < $3 and day >= ${OLDEST_RETAINED_DAY}
     ${tails.length ? `union select cluster_id, verb, ${PAIR_RESOURCE} from audit_events where (${tails.join(" or ")}) and username = $2 and ts < $3` : ""}`,
    params,
  );
  return new Set(r.rows.map((x) => pairKey(x.cluster_id, x.verb, x.resource)));
};
