import type { K8sObject, Violation } from "../../../types";
import { clip, isRecord, num, reportBody, severityRank, str, trivyImage, trivySubject } from "./report";

type Vuln = { id: string; severity: string; pkg?: string; installed?: string; fixed?: string; score: number };

const vulnsOf = (report: Record<string, unknown>): Vuln[] =>
  (Array.isArray(report.vulnerabilities) ? report.vulnerabilities : []).flatMap((v) => {
    if (!isRecord(v)) return [];
    const id = str(v.vulnerabilityID);
    if (!id) return [];
    return [{ id, severity: String(v.severity ?? "").toUpperCase(), pkg: str(v.resource), installed: str(v.installedVersion), fixed: str(v.fixedVersion), score: num(v.score) }];
  });

/** Counts from report.summary, or from the list when the summary is missing. */
export const counts = (report: Record<string, unknown>, vulns: Vuln[]): { critical: number; high: number } => {
  const s = isRecord(report.summary) ? report.summary : undefined;
  const listed = (sev: string) => vulns.filter((v) => v.severity === sev).length;
  return {
    critical: s && typeof s.criticalCount === "number" ? s.criticalCount : listed("CRITICAL"),
    high: s && typeof s.highCount === "number" ? s.highCount : listed("HIGH"),
  };
};

const describeVuln = (v: Vuln): string =>
  `${v.id}${v.pkg ? ` in ${v.pkg}${v.installed ? ` ${v.installed}` : ""}` : ""}${v.fixed ? ` (fixed in ${v.fixed})` : " (no fix yet)"}`;

/**
 * One violation summarising a VulnerabilityReport when its worst severity is `worst`: counts, the top CVEs
 * (most severe, fixable and highest-scored first) with fixed versions, and the CRITICAL/HIGH CVE ids as evidence.
 */
export const summariseVulnerabilities = (obj: K8sObject, worst: "CRITICAL" | "HIGH"): Violation[] => {
  const report = reportBody(obj);
  const vulns = vulnsOf(report);
  const { critical, high } = counts(report, vulns);
  if (worst === "CRITICAL" ? critical === 0 : critical > 0 || high === 0) return [];
  const serious = vulns
    .filter((v) => v.severity === "CRITICAL" || v.severity === "HIGH")
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || Number(!!b.fixed) - Number(!!a.fixed) || b.score - a.score || a.id.localeCompare(b.id));
  const ids = [...new Set(serious.map((v) => v.id))];
  const fixable = serious.filter((v) => v.fixed).length;
  const image = trivyImage(report);
  const top = serious.slice(0, 3).map(describeVuln).join("; ");
  const message = clip(
    `Trivy Operator reports ${critical} critical and ${high} high vulnerabilities${image ? ` in image '${image}'` : ""} of ${trivySubject(obj)}` +
      `${serious.length ? ` (${fixable} with a fix)` : ""}${top ? `: ${top}` : ""}`,
    600,
  );
  return [{ path: "report.vulnerabilities", value: ids.slice(0, 100), message }];
};
