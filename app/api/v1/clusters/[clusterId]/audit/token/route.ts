// POST /api/v1/clusters/:clusterId/audit/token — generate or rotate the audit webhook token; returns it once with the two files (admin)
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { rotateAuditToken } from "@/lib/services/audit-ingest/rotate-audit-token";

const ZParams = z.object({ clusterId: z.string().min(1).max(64) });

export const POST = withApi({ permission: "clusters.write", schemas: { params: ZParams }, handler: async ({ ctx, params }) => rotateAuditToken({ ctx, clusterId: params.clusterId }) });
