// GET /api/v1/reports/:reportId/download — the file, with Content-Disposition and its SHA-256 in X-Content-SHA256 (audited)
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { downloadReport } from "@/lib/services/reports/download-report";

export const GET = withApi({ permission: "reports.read", schemas: { params: z.object({ reportId: z.string().min(1).max(64) }) }, handler: async ({ ctx, params }) => downloadReport({ ctx, reportId: params.reportId }) });
