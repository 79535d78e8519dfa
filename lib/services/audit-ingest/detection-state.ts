import "server-only";
import type pg from "pg";
import { createEngineState, DETECTIONS, type EngineState } from "@/lib/audit";
import { ingestLockKey } from "@/lib/ingest/write-batch";
import { ingestPool } from "@/lib/ingest/pg-tx";
import { emptyCoverage, type Coverage } from "./coverage";
import { jsonbText } from "./jsonb-text";

/** What AuditDetectionState.state holds: the engine's memory and the policy coverage learned so far. */
export type StoredState = { engine: EngineState; coverage: Coverage };

// The ingest lock's row in pg_locks: an advisory lock on a bigint key shows its high and low 32 bits.
const IN_FLIGHT = `
select coalesce(array_agg(l.virtualtransaction), '{}') as vxids
  from pg_locks l, (select hashtext($1)::bigint as k) key
 where l.locktype = 'advisory' and l.granted and l.objsubid = 1
   and l.database = (select oid from pg_database where datname = current_database())
   and l.classid = ((key.k >> 32) & 4294967295)::oid and l.objid = (key.k & 4294967295)::oid
   and ($2::text[] is null or l.virtualtransaction = any($2::text[]))`;

const POLL_MS = 10;
const WAIT_LIMIT_MS = 120_000;

/**
 * The highest seq below which every event of the cluster is committed. Ingest transactions hold a shared
 * lock per cluster from before they take a seq until they end. So: read the sequence, then wait until the
 * transactions holding the lock at that moment have ended; any later one takes a larger seq. Waiting on
 * those transactions rather than for the lock itself lets new batches start meanwhile (an exclusive lock
 * request would queue every new batch behind it). Without this, a slow batch could commit below a cursor
 * that already moved on.
 */
export const safeHorizon = async (clusterId: string): Promise<number> => {
  const pool = ingestPool();
  const key = ingestLockKey(clusterId);
  const last = Number((await pool.query<{ last: string }>("select last_value::text as last from audit_events_seq_seq")).rows[0].last);
  let waitingFor = (await pool.query<{ vxids: string[] }>(IN_FLIGHT, [key, null])).rows[0].vxids;
  for (const until = Date.now() + WAIT_LIMIT_MS; waitingFor.length; ) {
    if (Date.now() > until) throw new Error(`ingest transactions of cluster ${clusterId} still open after ${WAIT_LIMIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
    waitingFor = (await pool.query<{ vxids: string[] }>(IN_FLIGHT, [key, waitingFor])).rows[0].vxids;
  }
  return last;
};

/** Locks (creating if needed) the cluster's state row for this transaction: one detector per cluster at a time. */
export const lockState = async (c: pg.ClientBase, clusterId: string): Promise<{ state: StoredState; cursor: number }> => {
  await c.query(`insert into "AuditDetectionState" ("clusterId", state, "cursorSeq", "updatedAt") values ($1, 'null'::jsonb, 0, now()) on conflict do nothing`, [clusterId]);
  const r = await c.query<{ state: StoredState | null; cursor: string }>(`select state, "cursorSeq"::text as cursor from "AuditDetectionState" where "clusterId" = $1 for update`, [clusterId]);
  const stored = r.rows[0].state;
  const state = stored && stored.engine ? stored : { engine: createEngineState(DETECTIONS), coverage: emptyCoverage() };
  return { state, cursor: Number(r.rows[0].cursor) };
};

export const saveState = async (c: pg.ClientBase, clusterId: string, state: StoredState, cursor: number, learningUntil: number | null) => {
  await c.query(`update "AuditDetectionState" set state = $2::jsonb, "cursorSeq" = $3, "learningUntil" = $4, "updatedAt" = now() where "clusterId" = $1`, [
    clusterId,
    jsonbText(state),
    cursor,
    learningUntil === null ? null : new Date(learningUntil),
  ]);
};
