import type { Task } from "graphile-worker";
import { z } from "zod";
import { renderReport } from "@/lib/services/reports/render-report";

export const ZReportRenderPayload = z.object({ reportId: z.string().min(1) });

/** Renders one requested report (compliance PDF/CSV/JSON or findings export) and stores it with its SHA-256. */
export const reportRender: Task = async (payload, helpers) => {
  const input = ZReportRenderPayload.parse(payload);
  const result = await renderReport(input);
  helpers.logger.info(`report.render ${input.reportId}: ${JSON.stringify(result)}`);
};
