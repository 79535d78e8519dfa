import fs from "node:fs";
import type { Command } from "commander";
import { assessFramework } from "../../lib/compliance/assess";
import { registrySources } from "../../lib/compliance/sources";
import { kindsReadBy } from "../../lib/compliance/targets";
import type { Framework } from "../../lib/compliance/types";
import { buildReportDocument } from "../../lib/report/document";
import { RULES } from "../../lib/scanner/rules";
import { ClusterUnavailableError } from "./_scan/cluster";
import { parseNow, UsageError } from "./_scan/options";
import { runScan } from "./_scan/pipeline";
import { coverageGapsOf, readReportInputs } from "./_report/inputs";
import { parseFramework, parseReportFormat, type ReportFlags } from "./_report/options";
import { renderPolicyReports, renderReport, type Rendered } from "./_report/render";

const say = (msg: string) => process.stderr.write(`tower: ${msg}\n`);

const write = (rendered: Rendered, out: string | undefined) => {
  if (!out) return void process.stdout.write(rendered.body);
  try {
    fs.writeFileSync(out, rendered.body);
  } catch (err) {
    throw new UsageError(`cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`);
  }
};

const execute = async (paths: string[], flags: ReportFlags): Promise<number> => {
  const format = parseReportFormat(flags.format);
  const framework: Framework | undefined = parseFramework(flags.framework, format);
  if (format === "pdf" && !flags.out) throw new UsageError("--format pdf needs --out FILE");
  const now = parseNow(flags.now);
  const inputs = await readReportInputs(paths, flags);
  for (const e of inputs.errors) say(`${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
  if (inputs.filesRead === 0) throw new UsageError(`no input could be read${inputs.errors[0] ? ` (${inputs.errors[0].file}: ${inputs.errors[0].message})` : ""}`);
  if (!inputs.objects.length) throw new UsageError(`no Kubernetes objects in ${paths.join(", ") || flags.cluster}; nothing to report on`);

  say(`scanning ${inputs.objects.length} objects with ${RULES.length} rules`);
  const scanned = runScan({ objects: inputs.objects, facts: inputs.facts, rules: RULES, options: {}, now, exceptions: [], errors: inputs.errors, skipped: 0, files: inputs.filesRead, coverage: inputs.coverage });
  for (const e of scanned.ruleErrors) say(`rule ${e.ruleId} failed on ${e.object ?? "the snapshot"}: ${e.message}`);

  if (format === "policyreport") {
    const findings = scanned.findings.map((f) => ({ ...f, theme: f.libraryTheme }));
    write(renderPolicyReports(findings, now, flags.out), flags.out);
    say(`${findings.length} findings exported as PolicyReports${flags.out ? ` to ${flags.out}` : ""}`);
    return 0;
  }
  const fw = framework!;
  const sources = registrySources();
  const knownKinds = new Set(sources.rules.flatMap((r) => kindsReadBy(r)));
  const coverageGaps = coverageGapsOf(inputs.coverage, knownKinds);
  const namespaces = [...new Set(inputs.objects.map((o) => (o.obj.kind === "Namespace" ? o.obj.metadata?.name : o.obj.metadata?.namespace)).filter((n): n is string => typeof n === "string" && !!n))].sort();
  const assessment = assessFramework({
    framework: fw,
    findings: scanned.findings,
    rulesRun: scanned.rulesTargeted,
    rulesFailed: [...new Set(scanned.ruleErrors.map((e) => e.ruleId))],
    coverageGaps,
    scope: { resources: scanned.summary.resources, ...(flags.cluster ? { clusters: [flags.cluster] } : { sources: paths }), namespaces },
    sources,
    now,
  });
  say(`assessed ${fw.id}: score ${assessment.score.toFixed(1)}, ${assessment.summary.fail} failing controls`);
  const doc = buildReportDocument({ assessment, frameworkKey: fw.key, frameworkSource: fw.source, rules: sources.rules, coverageGaps });
  const rendered = await renderReport(format, doc);
  write(rendered, flags.out);
  if (flags.out) say(`wrote ${flags.out}${rendered.pages ? ` (${rendered.pages} pages)` : ""}`);
  return 0;
};

export const register = (program: Command) => {
  program
    .command("report")
    .description("Compliance report (CIS, NSA/CISA, PSS, MITRE ATT&CK) from manifests or a live cluster, with no database")
    .argument("[paths...]", "manifest files, directories (recursed: *.yaml, *.yml, *.json), or - for stdin")
    .option("--framework <name>", "cis | nsa | pss | mitre, or a versioned id such as cis-1.12")
    .option("--format <format>", "json | csv | pdf | policyreport", "json")
    .option("--out <file>", "write the report to FILE (required for pdf; stdout otherwise)")
    .option("--cluster <context>", "assess the live cluster of this kubeconfig context instead of files")
    .option("--kubeconfig <file>", "kubeconfig to use with --cluster (default: $KUBECONFIG or ~/.kube/config)")
    .option("--now <date>", "report date (ISO 8601) instead of the current time, for reproducible output")
    .option("--verbose", "more progress on stderr")
    .action(async (paths: string[], flags: ReportFlags) => {
      let code: number;
      try {
        code = await execute(paths, flags);
      } catch (err) {
        if (!(err instanceof UsageError) && !(err instanceof ClusterUnavailableError)) throw err;
        say(err.message);
        code = 2;
      }
      process.exit(code);
    });
};
