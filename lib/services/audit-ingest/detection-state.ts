import "server-only";
import type pg from "pg";
import { createEngineState, DETECTIONS, type EngineState } from "@/lib/audit";
import { ingestLockKey } from "@/lib/ingest/write-batch";
import { inTransaction } from "@/lib/ingest/pg-tx";
import { emptyCoverage, type Coverage } from "./coverage";
import { jsonbText } from "./jsonb-text";

/** What AuditDetectionState.state holds: the engine's memory and the policy coverage learned so far. */
export type StoredState = { engine: EngineState; coverage: Coverage };

/**
 * The highest seq below which every event of the cluster is committed. Ingest transactions hold a
 * shared lock per cluster; holding it exclusively for a moment means none is in flight, so any later
 * event gets a larger seq. Without this, a slow batch could commit below a cursor that already moved on.
 */
export const safeHorizon = (clusterId: string): Promise<number> =>
  inTransaction(async (c) => {
    await c.query("select pg_advisory_xact_lock(hashtext($1))", [ingestLockKey(clusterId)]);
    const r = await c.query<{ last: string }>("select last_value::text as last from audit_events_seq_seq");
    return Number(r.rows[0].last);
  });

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
