import "server-only";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { csvField } from "@/lib/report/csv";
import { isoDay } from "../posture/days";
import { ZFindingFilters } from "../findings/filters";
import { findingWhere } from "../findings/where";
import { ZFindingsExportFilters } from "./input";
import { findingsSarif } from "./findings-sarif";
import type { Progress, Rendered } from "./render-types";

const MAX_ROWS = 100_000;
const COLUMNS = ["id", "cluster", "severity", "status", "rule_id", "rule_name", "title", "api_version", "kind", "namespace", "name", "message", "first_seen", "last_seen", "resolved_at", "suppressed"] as const;

export type ExportRow = Awaited<ReturnType<typeof loadRows>>[number];

const loadRows = async (orgId: string, filters: unknown) => {
  const f = ZFindingFilters.parse({ ...ZFindingsExportFilters.parse(filters ?? {}), page: 1, pageSize: 1 });
  // The explorer's filter builder, so an export matches what the explorer shows; it only reads ctx.org.id.
  const where = findingWhere({ org: { id: orgId } } as Ctx, f);
  return db.finding.findMany({
    where,
    orderBy: [{ severity: "asc" }, { clusterId: "asc" }, { namespace: "asc" }, { kind: "asc" }, { name: "asc" }, { id: "asc" }],
    take: MAX_ROWS,
    select: { id: true, fingerprint: true, ruleId: true, ruleName: true, title: true, severity: true, theme: true, message: true, apiVersion: true, kind: true, namespace: true, name: true, evidence: true, remediation: true, status: true, firstSeenAt: true, lastSeenAt: true, resolvedAt: true, suppressionId: true, cluster: { select: { name: true } } },
  });
};

const csvCell = (v: string) => csvField(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const toCsv = (rows: ExportRow[]) =>
  [COLUMNS.join(","), ...rows.map((r) =>
    [r.id, r.cluster.name, r.severity, r.status, r.ruleId, r.ruleName, r.title, r.apiVersion, r.kind, r.namespace, r.name, r.message, r.firstSeenAt.toISOString(), r.lastSeenAt.toISOString(), r.resolvedAt?.toISOString() ?? "", r.suppressionId ? "yes" : "no"].map(csvCell).join(","),
  )].join("\r\n") + "\r\n";

const toJson = (rows: ExportRow[], filters: unknown, now: Date) =>
  JSON.stringify({
    generatedAt: now.toISOString(),
    filters,
    total: rows.length,
    truncated: rows.length >= MAX_ROWS,
    findings: rows.map((r) => ({
      id: r.id, cluster: r.cluster.name, ruleId: r.ruleId, ruleName: r.ruleName, title: r.title, severity: r.severity, status: r.status, message: r.message,
      resource: { apiVersion: r.apiVersion, kind: r.kind, namespace: r.namespace, name: r.name }, evidence: r.evidence, remediation: r.remediation,
      firstSeenAt: r.firstSeenAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), resolvedAt: r.resolvedAt?.toISOString() ?? null, suppressed: !!r.suppressionId,
    })),
  }, null, 2) + "\n";

/** Current findings with the explorer's filters, as CSV (spreadsheet-safe cells), JSON or SARIF 2.1.0. */
export const renderFindingsExport = async (report: { orgId: string; format: string; scope: unknown }, progress: Progress, now: Date): Promise<Rendered> => {
  await progress("loading findings", 20);
  const rows = await loadRows(report.orgId, report.scope);
  await progress("rendering", 60);
  const text = report.format === "csv" ? toCsv(rows) : report.format === "sarif" ? findingsSarif(rows) : toJson(rows, report.scope, now);
  return { body: Buffer.from(text, "utf8"), fileName: `tower-findings-${isoDay(now)}.${report.format}`, summary: { findings: rows.length } };
};
