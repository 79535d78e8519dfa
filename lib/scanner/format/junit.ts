import type { CatalogRule } from "../catalog";
import type { ReportFinding, ScanReport } from "./report";

// Characters XML 1.0 forbids even escaped (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeXml = (text: string): string =>
  text
    .replace(INVALID_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");

const resourceLabel = (f: ReportFinding) =>
  `${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}` +
  (f.resource.file ? ` (${f.resource.file}${f.resource.line ? `:${f.resource.line}` : ""})` : "");

const failureBody = (f: ReportFinding) =>
  [
    f.message,
    `severity: ${f.severity}`,
    `resource: ${resourceLabel(f)}`,
    ...f.evidence.map((e) => `at: ${e.path}`),
    `remediation: ${f.remediation}`,
  ].join("\n");

type Case = { name: string; classname: string; body: string };

/**
 * JUnit XML: one testsuite per rule (a passing case when the rule ran and found nothing, a failure per
 * finding, a skipped case per suppressed finding), plus a "tower.inputs" suite with an error per unreadable input.
 */
export const formatJunit = (report: ScanReport, opts: { rules: readonly CatalogRule[] }): string => {
  const ran = new Set(report.rulesTargeted);
  const byRule = new Map<string, { failures: ReportFinding[]; skipped: Array<ReportFinding & { suppression: { reason: string } }> }>();
  const slot = (id: string) => {
    let s = byRule.get(id);
    if (!s) byRule.set(id, (s = { failures: [], skipped: [] }));
    return s;
  };
  for (const f of report.findings) slot(f.ruleId).failures.push(f);
  for (const f of report.suppressed) slot(f.ruleId).skipped.push(f);
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let errors = 0;
  let skippedTotal = 0;
  const ruleIds = [...new Set([...opts.rules.map((r) => r.id).filter((id) => ran.has(id) || byRule.has(id)), ...byRule.keys()])];
  for (const id of ruleIds) {
    const rule = opts.rules.find((r) => r.id === id);
    const s = byRule.get(id) ?? { failures: [], skipped: [] };
    const classname = `tower.${id}`;
    const cases: Case[] = [
      ...s.failures.map((f) => ({
        name: resourceLabel(f),
        classname,
        body: `<failure${attrs({ message: f.message, type: f.severity })}>${escapeXml(failureBody(f))}</failure>`,
      })),
      ...s.skipped.map((f) => ({ name: resourceLabel(f), classname, body: `<skipped${attrs({ message: `suppressed: ${f.suppression.reason}` })}/>` })),
    ];
    if (!cases.length) cases.push({ name: "no findings", classname, body: "" });
    total += cases.length;
    failures += s.failures.length;
    skippedTotal += s.skipped.length;
    suites.push(
      `  <testsuite${attrs({ name: `${id} ${rule?.name ?? ""}`.trim(), tests: cases.length, failures: s.failures.length, errors: 0, skipped: s.skipped.length })}>\n` +
        cases.map((c) => `    <testcase${attrs({ name: c.name, classname: c.classname })}>${c.body}</testcase>`).join("\n") +
        `\n  </testsuite>`,
    );
  }
  const inputErrors = [
    ...report.errors.map((e) => ({ name: `${e.file}${e.line ? `:${e.line}` : ""}`, message: e.message })),
    ...report.ruleErrors.map((e) => ({ name: `${e.ruleId} on ${e.object ?? "snapshot"}`, message: e.message })),
  ];
  if (inputErrors.length) {
    total += inputErrors.length;
    errors += inputErrors.length;
    suites.push(
      `  <testsuite${attrs({ name: "tower.inputs", tests: inputErrors.length, failures: 0, errors: inputErrors.length, skipped: 0 })}>\n` +
        inputErrors
          .map((e) => `    <testcase${attrs({ name: e.name, classname: "tower.inputs" })}><error${attrs({ message: e.message })}>${escapeXml(e.message)}</error></testcase>`)
          .join("\n") +
        `\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites${attrs({ name: "tower scan", tests: total, failures, errors, skipped: skippedTotal })}>\n` +
    suites.join("\n") +
    (suites.length ? "\n" : "") +
    `</testsuites>\n`
  );
};
