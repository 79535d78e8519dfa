import "server-only";
import pg from "pg";
import { copyFrom } from "./copy-in";
import { BinaryCopyWriter } from "./copy-binary";
import { dayKeysOf, ensurePartitions, forgetPartitions } from "./partitions";
import { ingestPool, inTransaction } from "./pg-tx";
import type { EventRow, PreparedBatch } from "./prepare-batch";
import { rollupsOf } from "./rollups";

const { escapeLiteral } = pg;

export type BatchCounts = { accepted: number; duplicates: number; rejected: number };

const COLUMNS = "audit_id, stage, ts, verb, username, source_ip, user_agent, resource, subresource, namespace, name, api_group, code, decision, raw";

const STAGE_TABLE = `create temp table if not exists audit_stage (
  audit_id text, stage text, ts timestamptz, verb text, username text, source_ip text, user_agent text, resource text,
  subresource text, namespace text, name text, api_group text, code integer, decision text, raw json) on commit delete rows`;

/** Every ingest transaction holds this shared lock; the detection worker takes it exclusively to find a safe seq horizon. */
export const ingestLockKey = (clusterId: string) => `audit_ingest:${clusterId}`;

const UNIQUE_VIOLATION = "23505";

/** The rows in COPY's binary format, with the cluster as first column when given (the staging table has none). */
const toCopyBinary = (clusterId: string | null, rows: readonly EventRow[]): Buffer[] => {
  const w = new BinaryCopyWriter(rows.reduce((n, r) => n + r.raw.length, 0) + rows.length * 512);
  for (const r of rows) {
    w.row(clusterId === null ? 15 : 16);
    if (clusterId !== null) w.text(clusterId);
    w.text(r.auditId).text(r.stage).timestamptz(r.ts).text(r.verb).text(r.username).text(r.sourceIp).text(r.userAgent).text(r.resource);
    w.text(r.subresource).text(r.namespace).text(r.name).text(r.apiGroup).int4(r.code).text(r.decision).text(r.raw);
  }
  return [w.finish()];
};

/**
 * The transaction's first round trip: begin, the cluster's shared ingest lock and the savepoint that a
 * retried batch rolls back to, in one message (each round trip holds a pooled connection for longer).
 */
const beginSql = (clusterId: string) => `begin; select pg_advisory_xact_lock_shared(hashtext(${escapeLiteral(ingestLockKey(clusterId))})); savepoint fresh`;

/**
 * The common case, a batch never seen before: COPY straight into the partitioned table. Returns false,
 * with nothing written, when any row is already there (a retried batch) or repeats within the batch.
 */
const copyFresh = async (c: pg.PoolClient, clusterId: string, rows: readonly EventRow[]): Promise<boolean> => {
  try {
    await copyFrom(c, `copy audit_events (cluster_id, ${COLUMNS}) from stdin (format binary)`, toCopyBinary(clusterId, rows));
    return true;
  } catch (err) {
    if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    await c.query("rollback to savepoint fresh");
    return false;
  }
};

// A retried or overlapping batch: stage it, insert only the new rows (duplicates skipped by the key).
const INSERT_NEW = `
insert into audit_events (cluster_id, ${COLUMNS})
select $1, ${COLUMNS} from audit_stage order by ts
on conflict do nothing
returning ts, verb, code, decision`;

const insertNew = async (c: pg.PoolClient, clusterId: string, rows: readonly EventRow[]) => {
  await c.query(STAGE_TABLE);
  await copyFrom(c, `copy audit_stage (${COLUMNS}) from stdin (format binary)`, toCopyBinary(null, rows));
  const inserted = await c.query<{ ts: Date; verb: string; code: number | null; decision: string | null }>(INSERT_NEW, [clusterId]);
  return inserted.rows.map((r) => ({ ts: r.ts.getTime(), verb: r.verb, code: r.code, decision: r.decision }));
};

// Rows that every batch of a cluster would update serialise the batches' commits (each waits for the last
// one's WAL flush) and make the latency tail. So: each server process adds to rollup rows of its own (slot =
// its backend pid; readers sum the slots), the cluster's last event time moves in steps of 5 seconds, and
// the debounced detection job is left alone while one is pending and not started: that job's first step
// waits for every ingest transaction in flight (safeHorizon), this one included. A running job, or a job
// out of attempts, gets a successor.
const AFTER_INSERT = `
with up as (
  insert into "AuditRollupHourly" ("clusterId", hour, verb, slot, events, denied)
  select $1, t.hour, t.verb, pg_backend_pid(), t.events, t.denied from unnest($2::timestamp[], $3::text[], $4::int[], $5::int[]) as t(hour, verb, events, denied)
  order by 2, 3
  on conflict ("clusterId", hour, verb, slot) do update set events = "AuditRollupHourly".events + excluded.events, denied = "AuditRollupHourly".denied + excluded.denied
), seen as (
  update "Cluster" set "auditLastEventAt" = $6 where id = $1 and ("auditLastEventAt" is null or "auditLastEventAt" < $6::timestamptz - interval '5 seconds')
)
select graphile_worker.add_job('audit.detect', json_build_object('clusterId', $1::text), run_at => now() + interval '1 second', job_key => $7, job_key_mode => 'preserve_run_at', max_attempts => 10)
 where not exists (select 1 from graphile_worker.jobs j where j.key = $7 and j.locked_at is null and j.attempts < j.max_attempts)`;

const recordInserted = async (c: pg.PoolClient, clusterId: string, inserted: ReadonlyArray<Pick<EventRow, "ts" | "verb" | "code" | "decision">>) => {
  const r = rollupsOf(inserted);
  await c.query(AFTER_INSERT, [clusterId, r.hours, r.verbs, r.events, r.denied, new Date(r.last), `audit.detect:${clusterId}`]);
};

const insertRejected = async (c: pg.PoolClient, clusterId: string, rejected: PreparedBatch["rejected"]) => {
  if (!rejected.length) return;
  await c.query(
    `insert into "AuditRejectedEvent" (id, "clusterId", reason, raw) select gen_random_uuid()::text, $1, t.reason, t.raw from unnest($2::text[], $3::text[]) as t(reason, raw)`,
    [clusterId, rejected.map((r) => r.reason), rejected.map((r) => r.raw)],
  );
};

const writeOnce = (clusterId: string, batch: PreparedBatch): Promise<BatchCounts> =>
  inTransaction(
    async (client) => {
      // Time order, so that seq (the detection cursor) follows event time within a batch.
      const rows = [...batch.rows].sort((a, b) => a.ts - b.ts);
      const inserted = !rows.length ? [] : (await copyFresh(client, clusterId, rows)) ? rows : await insertNew(client, clusterId, rows);
      // After the savepoint's last use: rolling back to it must not undo these.
      await insertRejected(client, clusterId, batch.rejected);
      if (inserted.length) await recordInserted(client, clusterId, inserted);
      return { accepted: inserted.length, duplicates: rows.length - inserted.length, rejected: batch.rejected.length };
    },
    { begin: beginSql(clusterId) },
  );

const isMissingPartition = (err: unknown) => (err as { code?: string }).code === "23514";

/**
 * Writes one prepared batch durably: events (idempotent on cluster + auditID + stage + time), rollups of
 * the new ones, rejected events, and the detection job, in one transaction. Resolves only after commit.
 */
export const writeBatch = async (clusterId: string, batch: PreparedBatch): Promise<BatchCounts> => {
  const days = dayKeysOf(batch.rows.map((r) => r.ts));
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
