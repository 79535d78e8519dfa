import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";
import { scopeClusterIds } from "../posture/assess-scope";
import { ZCreateSchedule } from "./input";
import { nextRunAfter } from "./next-run";
import { serializeSchedule } from "./serialize";

export const listReportSchedules = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "reports.read");
  const rows = await db.reportSchedule.findMany({ where: { orgId: ctx.org.id, disabledAt: null }, orderBy: { createdAt: "asc" } });
  return rows.map(serializeSchedule);
};

/** A weekly or monthly compliance report; the `reports.schedule` cron queues it when due. */
export const createReportSchedule = async ({ ctx, input }: { ctx: Ctx; input: unknown }) => {
  requirePermission(ctx, "reports.write");
  const data = ZCreateSchedule.parse(input);
  await scopeClusterIds(ctx.org.id, data.scope);
  return db.$transaction(async (tx) => {
    const row = await tx.reportSchedule.create({ data: { orgId: ctx.org.id, ...data, nextRunAt: nextRunAfter(data.cadence, new Date()), createdById: ctx.user.id } });
    await recordAudit(tx, actorOf(ctx), { action: "report_schedule.create", targetType: "report_schedule", targetId: row.id, after: data });
    return serializeSchedule(row);
  });
};

export const deleteReportSchedule = async ({ ctx, scheduleId }: { ctx: Ctx; scheduleId: string }) => {
  requirePermission(ctx, "reports.write");
  const row = await db.reportSchedule.findFirst({ where: { id: scheduleId, orgId: ctx.org.id } });
  if (!row) throw new NotFoundError("Report schedule");
  await db.$transaction(async (tx) => {
    await tx.reportSchedule.delete({ where: { id: row.id } });
    await recordAudit(tx, actorOf(ctx), { action: "report_schedule.delete", targetType: "report_schedule", targetId: row.id, before: serializeSchedule(row) });
  });
};
