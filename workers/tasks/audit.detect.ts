import type { Task } from "graphile-worker";
import { z } from "zod";
import { detectClusterEvents } from "@/lib/services/audit-ingest/detect-cluster-events";

export const ZAuditDetectPayload = z.object({ clusterId: z.string().min(1) });

/** Runs detections over a cluster's newly ingested audit events; queued by the ingest path with a per-cluster jobKey. */
export const auditDetect: Task = async (payload, helpers) => {
  const { clusterId } = ZAuditDetectPayload.parse(payload);
  const run = await detectClusterEvents(clusterId);
  if (!run) return;
  if (run.events) helpers.logger.info(`audit.detect ${clusterId}: ${run.events} events, ${run.detections} detections, ${run.incidentsCreated} new incidents`);
  // Out of time budget with events left: a successor job continues from the cursor.
  if (!run.caughtUp) await helpers.addJob("audit.detect", { clusterId }, { jobKey: `audit.detect:${clusterId}`, maxAttempts: 10 });
};
