import type { K8sObject, Violation } from "../../../types";
import { clip, isRecord, reportBody, severityRank, str, trivySubject } from "./report";

type Check = { id: string; title?: string; severity: string; index: number };

/** Failed checks of a ConfigAuditReport / RbacAssessmentReport (success: false), most severe first. LOW ones are left out as noise. */
const failedChecks = (report: Record<string, unknown>): Check[] =>
  (Array.isArray(report.checks) ? report.checks : [])
    .flatMap((c, index) => {
      if (!isRecord(c) || c.success !== false) return [];
      const severity = String(c.severity ?? "UNKNOWN").toUpperCase();
      if (severityRank(severity) > severityRank("MEDIUM")) return [];
      return [{ id: str(c.checkID) ?? str(c.id) ?? `#${index}`, title: str(c.title), severity, index }];
    })
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.index - b.index);

/** One violation per report that has failed CRITICAL/HIGH/MEDIUM checks, listing them. */
export const summariseChecks = (obj: K8sObject, what: string): Violation[] => {
  const failed = failedChecks(reportBody(obj));
  if (!failed.length) return [];
  const bySeverity = ["CRITICAL", "HIGH", "MEDIUM"].map((s) => [s, failed.filter((c) => c.severity === s).length] as const).filter(([, n]) => n > 0);
  const list = failed.slice(0, 5).map((c) => `${c.id}${c.title ? ` ${c.title}` : ""} (${c.severity.toLowerCase()})`).join("; ");
  const message = clip(
    `Trivy Operator reports ${failed.length} failed ${what} check${failed.length > 1 ? "s" : ""} ` +
      `(${bySeverity.map(([s, n]) => `${n} ${s.toLowerCase()}`).join(", ")}) for ${trivySubject(obj)}: ${list}${failed.length > 5 ? "; …" : ""}`,
    600,
  );
  return [{ path: "report.checks", value: failed.map((c) => c.id), extraPaths: failed.slice(0, 20).map((c) => ({ path: `report.checks[${c.index}]` })), message }];
};
