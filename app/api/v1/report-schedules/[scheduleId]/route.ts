// DELETE /api/v1/report-schedules/:scheduleId — stop a scheduled report (analyst+)
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { deleteReportSchedule } from "@/lib/services/reports/schedules";

export const DELETE = withApi({ permission: "reports.write", schemas: { params: z.object({ scheduleId: z.string().min(1).max(64) }) }, handler: async ({ ctx, params }) => deleteReportSchedule({ ctx, scheduleId: params.scheduleId }) });
