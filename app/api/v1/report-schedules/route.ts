// GET|POST /api/v1/report-schedules — weekly/monthly compliance reports (create: analyst+)
import { withApi } from "@/lib/http/with-api";
import { ZCreateSchedule } from "@/lib/services/reports/input";
import { createReportSchedule, listReportSchedules } from "@/lib/services/reports/schedules";

export const GET = withApi({ permission: "reports.read", handler: async ({ ctx }) => listReportSchedules({ ctx }) });
export const POST = withApi({ permission: "reports.write", schemas: { body: ZCreateSchedule }, handler: async ({ ctx, body }) => createReportSchedule({ ctx, input: body }) });
