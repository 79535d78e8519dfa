import "server-only";
import { cliTheme, toCatalogRule } from "@/lib/scanner/catalog";
import type { Suppression } from "@/lib/scanner/exceptions";
import type { ReportFinding, ScanReport } from "@/lib/scanner/format/report";
import { formatSarif } from "@/lib/scanner/format/sarif";
import { RULES } from "@/lib/scanner/rules";
import { SEVERITIES, type Evidence, type Theme } from "@/lib/scanner/types";
import type { ExportRow } from "./render-findings";

const emptySummary = (findings: number): ScanReport["summary"] => ({
  resources: 0, findings, bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as ScanReport["summary"]["bySeverity"], suppressed: 0, skippedDocuments: 0, recognised: 0, rulesRun: 0, rulesTargeted: 0, files: 0,
});

/**
 * Stored findings as lib/scanner/format/sarif writes a scan: suppressed ones carry `suppressions`, and every result
 * points at `cluster/<cluster>/<namespace>/<kind>/<name>` because cluster objects have no file.
 */
export const findingsSarif = (rows: readonly ExportRow[]): string => {
  const clusterOf = new Map<ReportFinding, string>();
  const findings: ReportFinding[] = [];
  const suppressed: ScanReport["suppressed"] = [];
  for (const r of rows) {
    const rule = RULES.find((x) => x.id === r.ruleId);
    const f: ReportFinding = {
      ruleId: r.ruleId, severity: r.severity, message: r.message, ruleName: r.ruleName, title: r.title, theme: cliTheme(r.theme as Theme), libraryTheme: r.theme as Theme,
      resource: { apiVersion: r.apiVersion, kind: r.kind, name: r.name, ...(r.namespace ? { namespace: r.namespace } : {}) },
      refs: rule?.refs ?? {}, evidence: (r.evidence as Evidence[]) ?? [], remediation: r.remediation, fingerprint: r.fingerprint,
    };
    if (!r.suppressionId) {
      clusterOf.set(f, r.cluster.name);
      findings.push(f);
      continue;
    }
    // The SARIF writer prints "<reason> (<source>)"; Tower's suppressions are neither file nor annotation.
    const entry = { ...f, suppression: { reason: "accepted risk", source: `Tower suppression ${r.suppressionId}` } as unknown as Suppression };
    clusterOf.set(entry, r.cluster.name);
    suppressed.push(entry);
  }
  const report: ScanReport = { findings, summary: emptySummary(rows.length), errors: [], suppressed, expiredExceptions: [], unusedExceptions: [], ruleErrors: [], rulesTargeted: [] };
  const used = new Set(rows.map((r) => r.ruleId));
  return formatSarif(report, {
    rules: RULES.filter((r) => used.has(r.id)).map(toCatalogRule),
    version: "0.1.0",
    locate: (f) => ({ file: `cluster/${clusterOf.get(f) ?? "unknown"}/${f.resource.namespace ?? "_cluster"}/${f.resource.kind}/${f.resource.name}` }),
  });
};
