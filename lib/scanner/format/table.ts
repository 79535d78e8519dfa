import { match } from "ts-pattern";
import { SEVERITIES, type Severity } from "../types";
import type { ReportFinding, ScanReport } from "./report";

type Paint = (s: string) => string;
/** The subset of picocolors the table uses; the CLI passes real colours only when stdout is a TTY. */
export type Colors = { bold: Paint; dim: Paint; red: Paint; yellow: Paint; blue: Paint; magenta: Paint; cyan: Paint; green: Paint; gray: Paint };

const id: Paint = (s) => s;
export const NO_COLORS: Colors = { bold: id, dim: id, red: id, yellow: id, blue: id, magenta: id, cyan: id, green: id, gray: id };

const paintSeverity = (c: Colors, s: Severity): Paint =>
  match(s)
    .with("critical", () => (t: string) => c.bold(c.magenta(t)))
    .with("high", () => c.red)
    .with("medium", () => c.yellow)
    .with("low", () => c.blue)
    .with("info", () => c.gray)
    .exhaustive();

const resourceKey = (f: ReportFinding) =>
  `${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}`;

const where = (f: ReportFinding) => (f.resource.file ? `${f.resource.file}${f.resource.line ? `:${f.resource.line}` : ""}` : "");

const findingLines = (c: Colors, f: ReportFinding, prefix = "") => [
  `  ${prefix}${paintSeverity(c, f.severity)(f.severity.toUpperCase().padEnd(8))} ${c.cyan(f.ruleId)}  ${f.message}`,
  ...(f.evidence[0]?.path ? [`  ${" ".repeat(prefix.length + 9)}${c.dim(`at ${f.evidence[0].path}`)}`] : []),
];

/** Groups findings by resource, most severe first. */
const groupByResource = (c: Colors, findings: readonly ReportFinding[], prefix = ""): string[] => {
  const groups = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const k = `${where(f)}\u0000${resourceKey(f)}`;
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  const out: string[] = [];
  for (const list of groups.values()) {
    const loc = where(list[0]);
    out.push(`${c.bold(resourceKey(list[0]))}${loc ? c.dim(`  ${loc}`) : ""}`);
    for (const f of list) out.push(...findingLines(c, f, prefix));
    out.push("");
  }
  return out;
};

export const summaryLine = (report: ScanReport, c: Colors = NO_COLORS): string => {
  const s = report.summary;
  const counts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => paintSeverity(c, sev)(`${s.bySeverity[sev]} ${sev}`));
  const parts = [
    `${s.resources} resources`,
    `${s.findings} findings${counts.length ? ` (${counts.join(", ")})` : ""}`,
    `${s.suppressed} suppressed`,
    ...(s.new !== undefined ? [`${s.new} new`, `${s.fixed ?? 0} fixed`] : []),
    `${report.errors.length} errors`,
    `${s.rulesTargeted}/${s.rulesRun} rules applied`,
  ];
  return parts.join(", ");
};

export const formatTable = (report: ScanReport, c: Colors = NO_COLORS): string => {
  const out: string[] = [];
  if (report.new) {
    out.push(c.bold(`New findings (${report.new.length})`), "");
    out.push(...(report.new.length ? groupByResource(c, report.new, "+ ") : [c.dim("  none"), ""]));
    out.push(c.bold(`Fixed since the baseline (${report.fixed?.length ?? 0})`), "");
    for (const f of report.fixed ?? [])
      out.push(`  ${c.green("- fixed")}  ${c.cyan(f.ruleId)}  ${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}${f.message ? `: ${f.message}` : ""}`);
    out.push("", c.bold(`All findings (${report.findings.length})`), "");
  }
  if (report.findings.length) out.push(...groupByResource(c, report.findings));
  else out.push(c.green("No findings."), "");
  if (report.suppressed.length) {
    out.push(c.bold(`Suppressed (${report.suppressed.length})`));
    for (const f of report.suppressed)
      out.push(`  ${c.dim(f.severity.padEnd(8))} ${c.cyan(f.ruleId)}  ${resourceKey(f)}: ${c.dim(`${f.suppression.reason} [${f.suppression.source}]`)}`);
    out.push("");
  }
  if (report.expiredExceptions.length) {
    out.push(c.bold(c.yellow(`Expired exceptions (${report.expiredExceptions.length}), no longer applied`)));
    for (const e of report.expiredExceptions)
      out.push(`  ${e.rule} ${e.resource ? `${e.resource.kind ?? "*"} ${e.resource.namespace ? `${e.resource.namespace}/` : ""}${e.resource.name ?? "*"}` : "(all resources)"} expired ${e.expires}${e.reason ? `: ${e.reason}` : ""}`);
    out.push("");
  }
  if (report.errors.length) {
    out.push(c.bold(c.red(`Errors (${report.errors.length})`)));
    for (const e of report.errors) out.push(`  ${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
    out.push("");
  }
  if (report.ruleErrors.length) {
    out.push(c.bold(c.red(`Rule errors (${report.ruleErrors.length})`)));
    for (const e of report.ruleErrors) out.push(`  ${e.ruleId} on ${e.object ?? "snapshot"}: ${e.message}`);
    out.push("");
  }
  if (report.coverage?.some((x) => x.status !== "ok")) {
    out.push(c.bold(c.yellow("Not collected from the cluster")));
    for (const x of report.coverage.filter((x) => x.status !== "ok")) out.push(`  ${x.resource}: ${x.status}${x.message ? ` (${x.message})` : ""}`);
    out.push("");
  }
  out.push(summaryLine(report, c));
  return out.join("\n") + "\n";
};
