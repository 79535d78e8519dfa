import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { getReportInOrgOrThrow, listOrgReports } from "./internal";

/** The latest 100 reports of the org, newest first, without their content. */
export const listReports = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "reports.read");
  return listOrgReports(ctx.org.id);
};

/** One report's status and progress (the Reports page polls this while it renders). */
export const getReport = async ({ ctx, reportId }: { ctx: Ctx; reportId: string }) => {
  requirePermission(ctx, "reports.read");
  return getReportInOrgOrThrow(ctx, reportId);
};
