import "server-only";
import { parseAuditText } from "@/lib/audit";
import { env } from "@/lib/env";
import { prepareBatch, rejectedRaw, type PreparedBatch } from "./prepare-batch";
import { writeBatch, type BatchCounts } from "./write-batch";

/** Lines that were not JSON keep their text, so that they can be inspected later. */
const lineRejections = (text: string, rejected: ReturnType<typeof parseAuditText>["rejected"]): PreparedBatch["rejected"] => {
  if (!rejected.length) return [];
  const lines = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  return rejected.map((r) => ({ reason: r.reason, raw: rejectedRaw(lines[r.index] ?? "") }));
};

/** Parses, validates and stores one body (EventList, array, JSON lines) for a cluster; resolves after commit. */
export const acceptAuditText = async (clusterId: string, text: string): Promise<BatchCounts> => {
  const parsed = parseAuditText(text);
  const batch = prepareBatch(parsed.records, { now: Date.now(), retentionDays: env().TOWER_AUDIT_RETENTION_DAYS });
  batch.rejected.push(...lineRejections(text, parsed.rejected));
  return writeBatch(clusterId, batch);
};

/** Already-split records (file import), same guarantees. */
export const acceptAuditRecords = async (clusterId: string, records: readonly unknown[], extraRejected: PreparedBatch["rejected"] = []): Promise<BatchCounts> => {
  const batch = prepareBatch(records, { now: Date.now(), retentionDays: env().TOWER_AUDIT_RETENTION_DAYS });
  batch.rejected.push(...extraRejected);
  return writeBatch(clusterId, batch);
};
