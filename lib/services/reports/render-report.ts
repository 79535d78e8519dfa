import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { CONTENT_TYPES } from "./input";
import { renderComplianceReport } from "./render-compliance";
import { renderFindingsExport } from "./render-findings";
import type { Progress } from "./render-types";

/**
 * The `report.render` job: assess (or load findings), render, and store the file with its SHA-256 and size. Progress
 * (phase, percent) is written as it goes so that the Reports page can show it. A failure is recorded on the report;
 * it is not retried, because rendering the same data again would fail the same way.
 */
export const renderReport = async ({ reportId, now = new Date() }: { reportId: string; now?: Date }) => {
  const report = await db.report.findUnique({ where: { id: reportId }, select: { id: true, orgId: true, kind: true, framework: true, format: true, scope: true, status: true } });
  if (!report || report.status === "succeeded") return { skipped: report ? "already rendered" : "report gone" };
  const progress: Progress = async (phase, percent) => {
    await db.report.update({ where: { id: reportId }, data: { status: "running", progress: { phase, percent } } });
  };
  try {
    await progress("starting", 5);
    const rendered = report.kind === "findings" ? await renderFindingsExport(report, progress, now) : await renderComplianceReport(report, progress, now);
    await progress("storing", 90);
    const sha256 = crypto.createHash("sha256").update(rendered.body).digest("hex");
    await db.report.update({
      where: { id: reportId },
      data: { status: "succeeded", progress: { phase: "done", percent: 100 }, content: new Uint8Array(rendered.body), sha256, sizeBytes: rendered.body.length, fileName: rendered.fileName, contentType: CONTENT_TYPES[report.format] ?? "application/octet-stream", finishedAt: new Date(), error: null },
    });
    return { reportId, sha256, sizeBytes: rendered.body.length, ...rendered.summary };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.report.update({ where: { id: reportId }, data: { status: "failed", error: message.slice(0, 1000), finishedAt: new Date(), progress: { phase: "failed", percent: 100 } } });
    return { reportId, failed: message };
  }
};
