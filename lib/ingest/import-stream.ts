import "server-only";
import { acceptAuditRecords } from "./accept-text";
import { readRecordBatches } from "./record-stream";

export type ImportProgress = { bytesRead: number; accepted: number; duplicates: number; rejected: number; batches: number };

/**
 * Imports a file or upload (JSON lines, EventList, JSON array; gzip) into a cluster's events with the
 * webhook's guarantees: each batch durable before the next, idempotent on re-import, bad records kept aside.
 */
export const importAuditStream = async (clusterId: string, source: AsyncIterable<Uint8Array>, onProgress?: (p: ImportProgress) => void): Promise<ImportProgress> => {
  const total: ImportProgress = { bytesRead: 0, accepted: 0, duplicates: 0, rejected: 0, batches: 0 };
  for await (const batch of readRecordBatches(source)) {
    const counts = await acceptAuditRecords(clusterId, batch);
    total.bytesRead = batch.bytesRead;
    total.accepted += counts.accepted;
    total.duplicates += counts.duplicates;
    total.rejected += counts.rejected;
    total.batches++;
    onProgress?.({ ...total });
  }
  return total;
};
