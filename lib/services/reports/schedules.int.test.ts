import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMember, createOrg, ctxFor } from "@/lib/db/test/factories";
import { nextRunAfter } from "./next-run";
import { queueDueSchedules } from "./queue-due-schedules";
import { createReportSchedule, deleteReportSchedule, listReportSchedules } from "./schedules";

let org: Awaited<ReturnType<typeof createOrg>>;
let ctx: ReturnType<typeof ctxFor>;
beforeAll(async () => {
  org = await createOrg();
  ctx = ctxFor(org, await createMember(org.id, "analyst"));
});

describe("report schedules", () => {
  it("next runs: Monday 06:00 UTC weekly, the 1st at 06:00 UTC monthly, always strictly later", () => {
    expect(nextRunAfter("weekly", new Date("2031-01-08T10:00:00Z")).toISOString()).toBe("2031-01-13T06:00:00.000Z");
    expect(nextRunAfter("weekly", new Date("2031-01-13T06:00:00Z")).toISOString()).toBe("2031-01-20T06:00:00.000Z");
    expect(nextRunAfter("weekly", new Date("2031-01-13T05:59:00Z")).toISOString()).toBe("2031-01-13T06:00:00.000Z");
    expect(nextRunAfter("monthly", new Date("2031-01-31T10:00:00Z")).toISOString()).toBe("2031-02-01T06:00:00.000Z");
    expect(nextRunAfter("monthly", new Date("2031-12-01T07:00:00Z")).toISOString()).toBe("2032-01-01T06:00:00.000Z");
  });

  it("queues due schedules once and advances nextRunAt", async () => {
    const weekly = await createReportSchedule({ ctx, input: { framework: "cis", format: "pdf", cadence: "weekly" } });
    const monthly = await createReportSchedule({ ctx, input: { framework: "pss", format: "csv", cadence: "monthly" } });
    expect(new Date(weekly.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    const due = new Date(Math.max(new Date(weekly.nextRunAt).getTime(), new Date(monthly.nextRunAt).getTime()) + 60_000);
    const first = await queueDueSchedules(due);
    expect(first.queued).toBeGreaterThanOrEqual(2);
    const reports = await db.report.findMany({ where: { orgId: org.id }, orderBy: { framework: "asc" } });
    expect(reports.map((r) => [r.framework, r.format, r.scheduleId, r.status, r.requestedById])).toEqual([
      ["cis", "pdf", weekly.id, "queued", ctx.user.id],
      ["pss", "csv", monthly.id, "queued", ctx.user.id],
    ]);
    const rows = await db.reportSchedule.findMany({ where: { orgId: org.id } });
    for (const r of rows) expect(r.nextRunAt.getTime()).toBeGreaterThan(due.getTime());
    expect((await queueDueSchedules(due)).queued).toBe(0);
    expect(await db.report.count({ where: { orgId: org.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "report.request" } })).toBe(2);
  });

  it("lists and deletes within the org only; viewers cannot create", async () => {
    const s = await createReportSchedule({ ctx, input: { framework: "mitre", format: "json", cadence: "weekly" } });
    const other = await createOrg();
    const outsider = ctxFor(other, await createMember(other.id, "owner"));
    await expect(deleteReportSchedule({ ctx: outsider, scheduleId: s.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await listReportSchedules({ ctx: outsider })).toEqual([]);
    const viewer = ctxFor(org, await createMember(org.id, "viewer"));
    await expect(createReportSchedule({ ctx: viewer, input: { framework: "cis", format: "pdf", cadence: "weekly" } })).rejects.toMatchObject({ code: "forbidden" });
    await deleteReportSchedule({ ctx, scheduleId: s.id });
    expect((await listReportSchedules({ ctx })).map((x) => x.id)).not.toContain(s.id);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "report_schedule.delete", targetId: s.id } })).toBe(1);
  });
});
