import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { actorOf } from "../internal";
import { enqueueJob } from "../jobs/enqueue-job";
import { scopeClusterIds } from "../posture/assess-scope";
import { ZRequestReport, type TRequestReport } from "./input";
import { getReportInOrgOrThrow } from "./internal";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Writes the queued Report row, its `report.render` job and the audit entry together: all or nothing. */
export const queueReport = async (tx: Tx, actor: AuditActor & { orgId: string }, input: TRequestReport, extra: { requestedById: string | null; scheduleId?: string }) => {
  const report = await tx.report.create({
    data: {
      orgId: actor.orgId,
      kind: input.kind,
      framework: input.kind === "compliance" ? input.framework : null,
      format: input.format,
      scope: input.kind === "compliance" ? input.scope : input.filters,
      requestedById: extra.requestedById,
      scheduleId: extra.scheduleId ?? null,
      progress: { phase: "queued", percent: 0 },
    },
    select: { id: true },
  });
  await enqueueJob(tx, "report.render", { reportId: report.id }, { maxAttempts: 1 });
  await recordAudit(tx, actor, { action: "report.request", targetType: "report", targetId: report.id, after: { ...input, ...(extra.scheduleId ? { scheduleId: extra.scheduleId } : {}) } });
  return report.id;
};

/** "Generate report" (analyst and up): a compliance report of a framework and scope, or a findings export. */
export const requestReport = async ({ ctx, input }: { ctx: Ctx; input: unknown }) => {
  requirePermission(ctx, "reports.write");
  const parsed = ZRequestReport.parse(input);
  if (parsed.kind === "compliance") await scopeClusterIds(ctx.org.id, parsed.scope);
  const id = await db.$transaction((tx) => queueReport(tx, { ...actorOf(ctx), orgId: ctx.org.id }, parsed, { requestedById: ctx.user.id }));
  return getReportInOrgOrThrow(ctx, id);
};
