import "server-only";
import { DETECTIONS, normalizeStoredRecord, runDetections, sortByTime, type AuditEvent } from "@/lib/audit";
import { inTransaction } from "@/lib/ingest/pg-tx";
import { isAllowed, loadAllowList } from "../incidents/allow-list";
import { attachIncidents } from "../incidents/attach-incidents";
import { persistDetections } from "../incidents/persist-detections";
import { recordFirstSeen } from "../investigations/first-seen";
import { recordPrincipalRollups, type TRollupSource } from "../investigations/principal-rollups";
import { updateCoverage } from "./coverage";
import { lockState, safeHorizon, saveState } from "./detection-state";

export type DetectionRun = { events: number; detections: number; allowed: number; incidentsCreated: number; incidentsExtended: number; cursor: number; caughtUp: boolean };
type Options = { chunk?: number; budgetMs?: number; warmupMs?: number };

const readChunk = async (c: Parameters<typeof lockState>[0], clusterId: string, after: number, upTo: number, limit: number) =>
  (await c.query<TRollupSource & { seq: string; raw: unknown }>(
    `select seq::text, audit_id, raw, ts::text as ts_text, (extract(epoch from ts) * 1000)::float8 as ts_ms, username, verb, resource, subresource, source_ip, user_agent, code, decision
       from audit_events where cluster_id = $1 and seq > $2 and seq <= $3 order by audit_events.seq limit $4`,
    [clusterId, after, upTo, limit],
  )).rows;

const toEvents = (rows: Awaited<ReturnType<typeof readChunk>>): AuditEvent[] => {
  const events: AuditEvent[] = [];
  for (const row of rows) {
    // Stored rows passed normalizeRecord at ingest; the stored id is the one that keyed the row.
    const event = normalizeStoredRecord(row.raw, row.audit_id);
    if (event) events.push(event);
  }
  return events;
};

/**
 * Runs the detections over a cluster's new events, in seq order after the stored cursor, one chunk per
 * transaction: engine state, cursor, detections and incidents commit together, so a crash repeats a
 * chunk at most and never skips one. Stops when caught up or out of time budget.
 */
export const runAuditDetection = async ({ clusterId, orgId }: { clusterId: string; orgId: string }, opts: Options = {}): Promise<DetectionRun> => {
  const chunk = opts.chunk ?? 20_000;
  const until = Date.now() + (opts.budgetMs ?? 30_000);
  const horizon = await safeHorizon(clusterId);
  const run: DetectionRun = { events: 0, detections: 0, allowed: 0, incidentsCreated: 0, incidentsExtended: 0, cursor: 0, caughtUp: false };
  for (;;) {
    const done = await inTransaction(async (c) => {
      const { state, cursor } = await lockState(c, clusterId);
      run.cursor = cursor;
      const rows = await readChunk(c, clusterId, cursor, horizon, chunk);
      if (!rows.length) return true;
      const events = sortByTime(toEvents(rows));
      const result = runDetections({ detections: DETECTIONS, events, state: state.engine, options: opts.warmupMs === undefined ? {} : { warmupMs: opts.warmupMs } });
      updateCoverage(state.coverage, events);
      const allow = await loadAllowList(c, orgId, clusterId);
      const kept = result.detections.filter((d) => !isAllowed(d, allow));
      const stored = await persistDetections(c, { orgId, clusterId, records: kept });
      const incidents = await attachIncidents(c, { orgId, clusterId, stored });
      run.cursor = Number(rows[rows.length - 1].seq);
      await recordFirstSeen(c, { clusterId, events });
      await recordPrincipalRollups(c, { clusterId, after: cursor, rows });
      const startedAt = result.state.startedAt;
      await saveState(c, clusterId, state, run.cursor, startedAt === null ? null : startedAt + (opts.warmupMs ?? 10 * 60_000));
      run.events += rows.length;
      run.detections += stored.length;
      run.allowed += result.detections.length - kept.length;
      run.incidentsCreated += incidents.created;
      run.incidentsExtended += incidents.extended;
      return rows.length < chunk;
    });
    if (done) return { ...run, caughtUp: true };
    if (Date.now() > until) return run;
  }
};
