import { compareWithBaseline, fingerprintOf, type TBaselineFinding } from "../baseline";
import { cliTheme } from "../catalog";
import type { ExceptionsResult, ExpiredException, Suppression } from "../exceptions";
import type { ScanStats } from "../scan";
import { SEVERITIES, type Evidence, type Finding, type Refs, type ResourceRef, type Severity, type Theme } from "../types";

/** A finding as `tower scan --format json` writes it: the contract's fields first, then extras. */
export type ReportFinding = {
  ruleId: string;
  severity: Severity;
  message: string;
  resource: ResourceRef;
  refs: Refs;
  ruleName: string;
  title: string;
  theme: string;
  libraryTheme: Theme;
  evidence: Evidence[];
  remediation: string;
  fingerprint: string;
};

export type ReportError = { file: string; line?: number; message: string };
export type CoverageEntry = { resource: string; status: "ok" | "forbidden" | "error"; message?: string };

export type ScanReport = {
  findings: ReportFinding[];
  summary: {
    resources: number;
    findings: number;
    bySeverity: Record<Severity, number>;
    suppressed: number;
    /** Documents that parsed but are not Kubernetes objects (no apiVersion/kind). */
    skippedDocuments: number;
    /** Objects at least one rule looked at. */
    recognised: number;
    rulesRun: number;
    rulesTargeted: number;
    files: number;
    new?: number;
    fixed?: number;
  };
  errors: ReportError[];
  suppressed: Array<ReportFinding & { suppression: Suppression }>;
  expiredExceptions: ExpiredException[];
  unusedExceptions: Array<{ entry: number; rule: string }>;
  ruleErrors: ScanStats["ruleErrors"];
  rulesTargeted: string[];
  new?: ReportFinding[];
  fixed?: TBaselineFinding[];
  coverage?: CoverageEntry[];
};

const text = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** scan() copies metadata as found; a manifest can say `name: 123`, and the output promises strings. */
const normaliseResource = (r: ResourceRef): ResourceRef => ({
  apiVersion: text(r.apiVersion),
  kind: text(r.kind),
  ...(r.namespace !== undefined && r.namespace !== "" ? { namespace: text(r.namespace) } : {}),
  name: text(r.name),
  ...(r.file ? { file: r.file } : {}),
  ...(typeof r.line === "number" ? { line: r.line } : {}),
});

/** scan() gives all findings on one object the same resource; the report keeps them sharing one normalised copy. */
const resourceNormaliser = () => {
  const seen = new Map<ResourceRef, ResourceRef>();
  return (r: ResourceRef): ResourceRef => {
    let normal = seen.get(r);
    if (!normal) seen.set(r, (normal = normaliseResource(r)));
    return normal;
  };
};

const reportFinding = (f: Finding, resource: ResourceRef): ReportFinding => ({
  ruleId: f.ruleId,
  severity: f.severity,
  message: text(f.message),
  resource,
  refs: f.refs,
  ruleName: f.ruleName,
  title: f.title,
  theme: cliTheme(f.theme),
  libraryTheme: f.theme,
  evidence: f.evidence,
  remediation: f.remediation,
  fingerprint: fingerprintOf(f),
});

export const toReportFinding = (f: Finding): ReportFinding => reportFinding(f, normaliseResource(f.resource));

const toReportFindings = <F extends Finding>(findings: readonly F[]): ReportFinding[] => {
  const normalise = resourceNormaliser();
  return findings.map((f) => reportFinding(f, normalise(f.resource)));
};

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

// Plain code-unit comparison: localeCompare is an order of magnitude slower, and output order need not be locale-aware.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Findings on one object share its resource, which makes the common tie cheap.
const byResource = (a: ResourceRef, b: ResourceRef) =>
  a === b
    ? 0
    : cmp(a.file ?? "", b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      cmp(a.namespace ?? "", b.namespace ?? "") ||
      cmp(a.kind, b.kind) ||
      cmp(a.name, b.name);

export const bySeverityThenResource = (a: ReportFinding, b: ReportFinding) =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
  byResource(a.resource, b.resource) ||
  cmp(a.ruleId, b.ruleId) ||
  cmp(a.evidence[0]?.path ?? "", b.evidence[0]?.path ?? "");

export type BuildReportInput = {
  stats: ScanStats;
  exceptions: ExceptionsResult;
  errors: ReportError[];
  skippedDocuments: number;
  files: number;
  baseline?: readonly TBaselineFinding[];
  coverage?: CoverageEntry[];
};

export const buildReport = (input: BuildReportInput): ScanReport => {
  const findings = toReportFindings(input.exceptions.findings).sort(bySeverityThenResource);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  const comparison = input.baseline ? compareWithBaseline(findings, input.baseline) : undefined;
  return {
    findings,
    summary: {
      resources: input.stats.objects,
      findings: findings.length,
      bySeverity,
      suppressed: input.exceptions.suppressed.length,
      skippedDocuments: input.skippedDocuments,
      recognised: input.stats.recognised,
      rulesRun: input.stats.rulesRun,
      rulesTargeted: input.stats.rulesTargeted.length,
      files: input.files,
      ...(comparison ? { new: comparison.new.length, fixed: comparison.fixed.length } : {}),
    },
    errors: input.errors,
    suppressed: input.exceptions.suppressed.map((s) => ({ ...toReportFinding(s), suppression: s.suppression })).sort(bySeverityThenResource),
    expiredExceptions: input.exceptions.expired,
    unusedExceptions: input.exceptions.unused,
    ruleErrors: input.stats.ruleErrors,
    rulesTargeted: input.stats.rulesTargeted,
    ...(comparison ? { new: comparison.new, fixed: comparison.fixed } : {}),
    ...(input.coverage ? { coverage: input.coverage } : {}),
  };
};

export const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);

/** --fail-on: with a baseline only new findings count. */
export const failsOn = (report: ScanReport, threshold: Severity): ReportFinding[] =>
  (report.new ?? report.findings).filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[threshold]);

export const severityRank = (s: Severity) => SEVERITY_RANK[s];
