import "server-only";
import { db } from "@/lib/db";
import { ZCreateSchedule } from "./input";
import { nextRunAfter } from "./next-run";
import { queueReport } from "./request-report";

/**
 * The `reports.schedule` cron: for each due schedule, queue its report and move nextRunAt on, in one transaction.
 * The update is conditional on the nextRunAt just read, so two workers never queue the same run twice.
 */
export const queueDueSchedules = async (now = new Date()) => {
  const due = await db.reportSchedule.findMany({ where: { nextRunAt: { lte: now }, disabledAt: null }, orderBy: { nextRunAt: "asc" }, take: 500 });
  let queued = 0;
  for (const s of due) {
    const parsed = ZCreateSchedule.safeParse({ framework: s.framework, format: s.format, scope: s.scope, cadence: s.cadence });
    const next = nextRunAfter(s.cadence === "monthly" ? "monthly" : "weekly", now);
    await db.$transaction(async (tx) => {
      const claimed = await tx.reportSchedule.updateMany({ where: { id: s.id, nextRunAt: s.nextRunAt }, data: { nextRunAt: next } });
      if (!claimed.count || !parsed.success) return;
      const { cadence: _cadence, ...report } = parsed.data;
      await queueReport(tx, { orgId: s.orgId, actorId: null, actorEmail: "scheduler" }, { kind: "compliance", ...report }, { requestedById: s.createdById, scheduleId: s.id });
      queued++;
    });
  }
  return { due: due.length, queued };
};
