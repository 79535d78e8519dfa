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
  const batch = prepareBatch(parsed.records, { now: Date.now(), retentionDays: env().TOWER_AUDIT_RETENTION_DAYS, texts: parsed.texts });
  batch.rejected.push(...lineRejections(text, parsed.rejected));
  return writeBatch(clusterId, batch);
};

/** Already-split records (file import), same guarantees; `texts[k]` is record k's text as read, if known. */
export const acceptAuditRecords = async (clusterId: string, batch: { records: readonly unknown[]; texts?: readonly (string | undefined)[]; rejected?: PreparedBatch["rejected"] }): Promise<BatchCounts> => {
  const prepared = prepareBatch(batch.records, { now: Date.now(), retentionDays: env().TOWER_AUDIT_RETENTION_DAYS, texts: batch.texts });
  prepared.rejected.push(...(batch.rejected ?? []));
  return writeBatch(clusterId, prepared);
};
