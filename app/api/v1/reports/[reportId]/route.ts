// GET /api/v1/reports/:reportId — one report's status, progress, size and SHA-256
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { getReport } from "@/lib/services/reports/list-reports";

export const GET = withApi({ permission: "reports.read", schemas: { params: z.object({ reportId: z.string().min(1).max(64) }) }, handler: async ({ ctx, params }) => getReport({ ctx, reportId: params.reportId }) });
