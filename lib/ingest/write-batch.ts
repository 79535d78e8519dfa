import "server-only";
import type pg from "pg";
import { ingestPool } from "./pg-tx";
import { copyFrom } from "./copy-in";
import { copyLine, toCopyChunks } from "./copy-text";
import { dayKey, ensurePartitions, forgetPartitions } from "./partitions";
import { inTransaction } from "./pg-tx";
import type { EventRow, PreparedBatch } from "./prepare-batch";

export type BatchCounts = { accepted: number; duplicates: number; rejected: number };

const COLUMNS = "audit_id, stage, ts, verb, username, source_ip, user_agent, resource, subresource, namespace, name, api_group, code, decision, raw";

const STAGE_TABLE = `create temp table if not exists audit_stage (
  audit_id text, stage text, ts timestamptz, verb text, username text, source_ip text, user_agent text, resource text,
  subresource text, namespace text, name text, api_group text, code integer, decision text, raw json) on commit delete rows`;

/** Every ingest transaction holds this shared lock; the detection worker takes it exclusively to find a safe seq horizon. */
export const ingestLockKey = (clusterId: string) => `audit_ingest:${clusterId}`;

const toLine = (r: EventRow) =>
  copyLine([r.auditId, r.stage, new Date(r.ts).toISOString(), r.verb, r.username, r.sourceIp, r.userAgent, r.resource, r.subresource, r.namespace, r.name, r.apiGroup, r.code, r.decision, r.raw]);

// New rows only (duplicates are skipped by the key), then hourly rollups of exactly those rows.
const INSERT_AND_ROLL_UP = `
with ins as (
  insert into audit_events (cluster_id, ${COLUMNS})
  select $1, ${COLUMNS} from audit_stage order by ts
  on conflict do nothing
  returning ts, verb, code, decision
), agg as (
  select date_trunc('hour', ts at time zone 'UTC') as hour, verb, count(*)::int as events,
         (count(*) filter (where code in (401, 403) or decision = 'forbid'))::int as denied, max(ts) as last
    from ins group by 1, 2
), up as (
  insert into "AuditRollupHourly" ("clusterId", hour, verb, events, denied)
  select $1, hour, verb, events, denied from agg order by hour, verb
  on conflict ("clusterId", hour, verb) do update set events = "AuditRollupHourly".events + excluded.events, denied = "AuditRollupHourly".denied + excluded.denied
)
select coalesce(sum(events), 0)::int as accepted, max(last) as last from agg`;

const insertRejected = async (c: pg.PoolClient, clusterId: string, rejected: PreparedBatch["rejected"]) => {
  if (!rejected.length) return;
  await c.query(
    `insert into "AuditRejectedEvent" (id, "clusterId", reason, raw) select gen_random_uuid()::text, $1, t.reason, t.raw from unnest($2::text[], $3::text[]) as t(reason, raw)`,
    [clusterId, rejected.map((r) => r.reason), rejected.map((r) => r.raw)],
  );
};

const writeOnce = (clusterId: string, batch: PreparedBatch): Promise<BatchCounts> =>
  inTransaction(async (client) => {
    await client.query("select pg_advisory_xact_lock_shared(hashtext($1))", [ingestLockKey(clusterId)]);
    let accepted = 0;
    if (batch.rows.length) {
      await client.query(STAGE_TABLE);
      await copyFrom(client, `copy audit_stage (${COLUMNS}) from stdin`, toCopyChunks(batch.rows.map(toLine)));
      const r = await client.query<{ accepted: number; last: Date | null }>(INSERT_AND_ROLL_UP, [clusterId]);
      accepted = r.rows[0].accepted;
      if (r.rows[0].last) await client.query(`update "Cluster" set "auditLastEventAt" = $2 where id = $1 and ("auditLastEventAt" is null or "auditLastEventAt" < $2)`, [clusterId, r.rows[0].last]);
    }
    await insertRejected(client, clusterId, batch.rejected);
    // Debounced per cluster: many batches share one pending job; a running job gets a successor.
    if (accepted) await client.query(`select graphile_worker.add_job('audit.detect', json_build_object('clusterId', $1::text), run_at => now() + interval '1 second', job_key => $2, job_key_mode => 'preserve_run_at', max_attempts => 10)`, [clusterId, `audit.detect:${clusterId}`]);
    return { accepted, duplicates: batch.rows.length - accepted, rejected: batch.rejected.length };
  });

const isMissingPartition = (err: unknown) => (err as { code?: string }).code === "23514";

/**
 * Writes one prepared batch durably: events (idempotent on cluster + auditID + stage + time), rollups of
 * the new ones, rejected events, and the detection job, in one transaction. Resolves only after commit.
 */
export const writeBatch = async (clusterId: string, batch: PreparedBatch): Promise<BatchCounts> => {
  const days = new Set(batch.rows.map((r) => dayKey(r.ts)));
  await ensurePartitions(ingestPool(), days);
  try {
    return await writeOnce(clusterId, batch);
  } catch (err) {
    if (!isMissingPartition(err)) throw err;
    // Retention dropped a partition this process still had cached.
    forgetPartitions(days);
    await ensurePartitions(ingestPool(), days);
    return writeOnce(clusterId, batch);
  }
};
