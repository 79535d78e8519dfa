// GET|POST /api/v1/reports — the org's reports (no content); request a compliance report or findings export (analyst+)
import { withApi } from "@/lib/http/with-api";
import { ZRequestReport } from "@/lib/services/reports/input";
import { listReports } from "@/lib/services/reports/list-reports";
import { requestReport } from "@/lib/services/reports/request-report";

export const GET = withApi({ permission: "reports.read", handler: async ({ ctx }) => listReports({ ctx }) });
export const POST = withApi({ permission: "reports.write", schemas: { body: ZRequestReport }, handler: async ({ ctx, body }) => requestReport({ ctx, input: body }) });
