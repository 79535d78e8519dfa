// POST /api/v1/clusters/:clusterId/scans — "Scan now"
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { requestScan } from "@/lib/services/clusters/request-scan";

export const POST = withApi({ permission: "clusters.write", schemas: { params: z.object({ clusterId: z.string().min(1).max(64) }) }, handler: async ({ ctx, params }) => requestScan({ ctx, clusterId: params.clusterId }) });
