import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importAuditStream, type ImportProgress } from "@/lib/ingest/import-stream";
import { recordAudit } from "../audit/record-audit";
import { getClusterInOrgOrThrow } from "../clusters/internal";
import { actorOf } from "../internal";

/**
 * Forensic upload of an audit log file into a cluster. Permission and tenant are checked before the
 * body is read; `run` then streams it in (the route may report progress as it goes).
 */
export const startAuditImport = async ({ ctx, clusterId, body }: { ctx: Ctx; clusterId: string; body: ReadableStream<Uint8Array> | null }) => {
  requirePermission(ctx, "investigations.write");
  const cluster = await getClusterInOrgOrThrow(ctx, clusterId);
  if (!body) throw new AppError("bad_request", "Send the audit log file as the request body");
  return {
    run: async (onProgress?: (p: ImportProgress) => void) => {
      const result = await importAuditStream(cluster.id, body as unknown as AsyncIterable<Uint8Array>, onProgress);
      await db.$transaction((tx) => recordAudit(tx, actorOf(ctx), { action: "cluster.audit_imported", targetType: "cluster", targetId: cluster.id, after: result }));
      return result;
    },
  };
};
