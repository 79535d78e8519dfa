import type { Task } from "graphile-worker";
import { z } from "zod";
import { applyAuditRetention } from "@/lib/services/audit-ingest/apply-audit-retention";

export const ZAuditRetentionPayload = z.object({}).passthrough();

/** Daily: drops audit event partitions older than TOWER_AUDIT_RETENTION_DAYS, in bounded steps. */
export const auditRetention: Task = async (payload, helpers) => {
  ZAuditRetentionPayload.parse(payload ?? {});
  const result = await applyAuditRetention();
  helpers.logger.info(`audit.retention dropped ${result.dropped.length} partition(s), ${result.rejected} rejected event(s), ${result.rollups} rollup row(s)`);
  // More than one run's worth (e.g. after lowering the retention): continue in a minute rather than all at once.
  if (result.remaining > 0) await helpers.addJob("audit.retention", {}, { jobKey: "audit.retention", runAt: new Date(Date.now() + 60_000) });
};
