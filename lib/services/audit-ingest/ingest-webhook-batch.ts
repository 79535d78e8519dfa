import "server-only";
import { acceptAuditText } from "@/lib/ingest/accept-text";
import { withInflightLimit } from "@/lib/ingest/inflight";
import { readBatchBody } from "@/lib/ingest/read-batch-body";
import { env } from "@/lib/env";
import { authenticateIngest } from "./authenticate-ingest";

/**
 * One batch from the kube-apiserver audit webhook backend: token check, size limit, durable write.
 * The answer (and so the API server's acknowledgement) comes only after the commit.
 */
export const ingestWebhookBatch = async ({ clusterId, req }: { clusterId: string; req: Request }) => {
  const cluster = await authenticateIngest(clusterId, req.headers.get("authorization"));
  const e = env();
  return withInflightLimit(e.TOWER_AUDIT_MAX_INFLIGHT, async () => {
    const text = await readBatchBody(req, e.TOWER_AUDIT_MAX_BATCH_BYTES);
    const counts = await acceptAuditText(cluster.clusterId, text);
    // no-transform: a few dozen bytes are not worth a compression stream per batch, many batches a second.
    return new Response(JSON.stringify(counts), { status: 200, headers: { "content-type": "application/json", "cache-control": "private, no-store, no-transform" } });
  });
};
