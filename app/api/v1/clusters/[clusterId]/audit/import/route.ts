// POST /api/v1/clusters/:clusterId/audit/import — streaming upload of an audit log file (JSON lines, EventList, array; gzip) (analyst+)
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { ndjsonProgress } from "@/lib/ingest/ndjson-progress";
import { startAuditImport } from "@/lib/services/audit-ingest/start-audit-import";

const ZParams = z.object({ clusterId: z.string().min(1).max(64) });

// With `Accept: application/x-ndjson` the answer streams progress lines, then the result.
export const POST = withApi({
  permission: "investigations.write",
  schemas: { params: ZParams },
  handler: async ({ ctx, params, req }) => {
    const job = await startAuditImport({ ctx, clusterId: params.clusterId, body: req.body });
    return (req.headers.get("accept") ?? "").includes("application/x-ndjson") ? ndjsonProgress(job.run) : job.run();
  },
});
