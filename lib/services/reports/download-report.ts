import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";

const asciiName = (name: string) => name.replace(/[^\w.-]/g, "_");

/** The stored file, with its SHA-256 in a header so a downloader can check what it got; every download is audited. */
export const downloadReport = async ({ ctx, reportId }: { ctx: Ctx; reportId: string }) => {
  requirePermission(ctx, "reports.read");
  const report = await db.report.findFirst({ where: { id: reportId, orgId: ctx.org.id }, select: { id: true, status: true, content: true, fileName: true, contentType: true, sha256: true, sizeBytes: true } });
  if (!report) throw new NotFoundError("Report");
  if (report.status !== "succeeded" || !report.content || !report.sha256) throw new ConflictError("This report is not ready to download");
  await recordAudit(db, actorOf(ctx), { action: "report.download", targetType: "report", targetId: report.id, after: { fileName: report.fileName, sha256: report.sha256 } });
  const fileName = report.fileName ?? `report-${report.id}`;
  const body = Buffer.from(report.content);
  return new Response(body, {
    headers: {
      "content-type": report.contentType ?? "application/octet-stream",
      "content-length": String(body.length),
      "content-disposition": `attachment; filename="${asciiName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "x-content-sha256": report.sha256,
      "repr-digest": `sha-256=:${Buffer.from(report.sha256, "hex").toString("base64")}:`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
};
