// GET /api/v1/clusters/:clusterId/audit — audit pipeline status: last event, volume, rejected, blind spots
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { getAuditStatus } from "@/lib/services/audit-ingest/get-audit-status";

const ZParams = z.object({ clusterId: z.string().min(1).max(64) });

export const GET = withApi({ permission: "clusters.read", schemas: { params: ZParams }, handler: async ({ ctx, params }) => getAuditStatus({ ctx, clusterId: params.clusterId }) });
