import "server-only";
import { buildReportDocument } from "@/lib/report/document";
import { renderCsv } from "@/lib/report/csv";
import { renderJson } from "@/lib/report/json";
import { renderPdf } from "@/lib/report/pdf";
import { isoDay } from "../posture/days";
import { assessStoredScope, frameworkOrThrow } from "../posture/assess-scope";
import { ZScope } from "../posture/scope";
import { mappingSources } from "../posture/scope-basis";
import type { Progress, Rendered } from "./render-types";

/** A compliance report of stored findings, rendered by lib/report as `tower report` renders a scan. */
export const renderComplianceReport = async (report: { orgId: string; framework: string | null; format: string; scope: unknown }, progress: Progress, now: Date): Promise<Rendered> => {
  const fw = frameworkOrThrow(report.framework ?? "");
  const scope = ZScope.parse(report.scope ?? {});
  await progress("assessing", 20);
  const { assessment, coverageGaps } = await assessStoredScope(report.orgId, fw, scope, now);
  await progress("rendering", 60);
  const doc = buildReportDocument({ assessment, frameworkKey: fw.key, frameworkSource: fw.source, rules: mappingSources().rules, coverageGaps });
  const body = report.format === "pdf" ? (await renderPdf(doc)).pdf : Buffer.from(report.format === "csv" ? renderCsv(doc) : renderJson(doc), "utf8");
  const where = [scope.cluster ? (assessment.scope.clusters?.[0] ?? "cluster") : "fleet", scope.namespace].filter(Boolean).join("-");
  return { body, fileName: `tower-${fw.id}-${where}-${isoDay(now)}.${report.format}`, summary: { score: assessment.score } };
};
