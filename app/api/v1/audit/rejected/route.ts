// GET /api/v1/audit/rejected?clusterId= — audit events the pipeline could not store, with reason and raw text (admin)
import { withApi } from "@/lib/http/with-api";
import { listRejectedEvents, ZListRejected } from "@/lib/services/audit-ingest/list-rejected-events";

export const GET = withApi({ permission: "audit.read", schemas: { query: ZListRejected }, handler: async ({ ctx, query }) => listRejectedEvents({ ctx, input: query }) });
