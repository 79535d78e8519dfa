/**
 * What the detection worker derives from stored events, filled as if it had caught up with them: each
 * cluster's cursor at its last event, AuditFirstSeen (what recordFirstSeen folds in chunk by chunk) and the
 * principal rollups (recordPrincipalRollups), by the backfill the migration runs.
 */
import type pg from "pg";
import { backfillPrincipalRollups } from "../../../lib/services/investigations/principal-rollups-backfill";

export const seedDerived = async (pool: pg.Pool, clusterIds: string[]) => {
  const t = performance.now();
  await pool.query(`insert into "AuditFirstSeen" ("clusterId", username, verb, resource, day, "firstSeen")
    select cluster_id, username, verb, coalesce(resource || coalesce('/' || subresource, ''), ''), (ts at time zone 'UTC')::date, min(ts) from audit_events group by 1, 2, 3, 4, 5`);
  await pool.query(
    `insert into "AuditDetectionState" ("clusterId", state, "cursorSeq", "updatedAt")
     select k.id, '{}'::jsonb, coalesce((select max(seq) from audit_events where cluster_id = k.id), 0), now() from unnest($1::text[]) k(id)`,
    [clusterIds],
  );
  const c = await pool.connect();
  try {
    await backfillPrincipalRollups(c);
  } finally {
    c.release();
  }
  return performance.now() - t;
};
