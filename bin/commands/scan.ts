import path from "node:path";
import type { Command } from "commander";
import pc from "picocolors";
import { match } from "ts-pattern";
import { buildCatalog } from "../../lib/scanner/catalog";
import { jsonChunks } from "../../lib/scanner/format/json";
import { formatJunit } from "../../lib/scanner/format/junit";
import { failsOn, type ReportFinding, type ScanReport } from "../../lib/scanner/format/report";
import { formatSarif } from "../../lib/scanner/format/sarif";
import { formatTable, NO_COLORS, summaryLine } from "../../lib/scanner/format/table";
import { RULES } from "../../lib/scanner/rules";
import type { ClusterFacts, Severity, SourcedObject } from "../../lib/scanner/types";
import { ClusterUnavailableError, collectFromCluster } from "./_scan/cluster";
import {
  DEFAULT_MAX_FILE_SIZE,
  loadBaseline,
  loadExceptions,
  parseFormat,
  parseList,
  parseNow,
  parseSeverity,
  parseSize,
  resolveRuleIds,
  towerVersion,
  UsageError,
  type Format,
} from "./_scan/options";
import { writeChunks } from "./_scan/output";
import { readAndParse, runScan, type ParsedInputs } from "./_scan/pipeline";

type ScanFlags = {
  format: string;
  failOn?: string;
  exceptions?: string;
  baseline?: string;
  allowedRegistries?: string;
  maxFileSize: string;
  rules?: string;
  output?: string;
  cluster?: string;
  kubeconfig?: string;
  now?: string;
  verbose?: boolean;
};

const warn = (msg: string) => process.stderr.write(`tower: ${msg}\n`);

/** Objects no file holds (a namespace known only from metadata.namespace) are pointed at the first file of their namespace. */
const locator = (objects: readonly SourcedObject[]) => {
  const byNamespace = new Map<string, { file: string; line?: number }>();
  let first: { file: string; line?: number } | undefined;
  for (const o of objects) {
    if (!o.source?.file) continue;
    const at = { file: o.source.file, line: o.source.line };
    first ??= at;
    const ns = o.obj.kind === "Namespace" ? o.obj.metadata?.name : o.obj.metadata?.namespace;
    if (typeof ns === "string" && !byNamespace.has(ns)) byNamespace.set(ns, at);
  }
  return (f: ReportFinding) => byNamespace.get(f.resource.kind === "Namespace" ? f.resource.name : (f.resource.namespace ?? "")) ?? first;
};

const render = (report: ScanReport, format: Format, opts: { toFile: boolean; cluster?: string; objects: readonly SourcedObject[] }): Iterable<string> => {
  const rules = buildCatalog(RULES).rules;
  return match(format)
    .with("json", () => jsonChunks(report))
    .with("sarif", () => [formatSarif(report, { rules, version: towerVersion(), clusterName: opts.cluster, uriOf: sarifUri, locate: opts.cluster ? undefined : locator(opts.objects) }), "\n"])
    .with("junit", () => [formatJunit(report, { rules })])
    .with("table", () => [formatTable(report, !opts.toFile && process.stdout.isTTY ? pc.createColors(true) : NO_COLORS)])
    .exhaustive();
};

/** SARIF locations are relative to the repository root, which is where CI runs the scan from. */
const sarifUri = (file: string) => (path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file);

const collectInputs = async (paths: string[], flags: ScanFlags, maxFileSize: number): Promise<ParsedInputs & { facts?: ClusterFacts; coverage?: ScanReport["coverage"] }> => {
  if (flags.cluster) {
    if (paths.length) throw new UsageError("give either PATH... or --cluster, not both");
    const collected = await collectFromCluster({ context: flags.cluster, kubeconfigPath: flags.kubeconfig, verbose: !!flags.verbose });
    for (const gap of collected.coverage.filter((c) => c.status !== "ok"))
      warn(`cluster ${flags.cluster}: could not list ${gap.resource} (${gap.status}${gap.message ? `: ${gap.message}` : ""}); rules reading it see nothing`);
    return { objects: collected.objects, errors: [], skipped: 0, filesRead: 1, facts: collected.facts, coverage: collected.coverage };
  }
  if (!paths.length) throw new UsageError("give at least one PATH (a file, a directory, or - for stdin), or --cluster CONTEXT");
  return readAndParse(paths, maxFileSize);
};

/** Why a scan that ran nothing is not a clean pass; undefined when the scan did check something. */
const nothingChecked = (report: ScanReport, inputs: ParsedInputs, kinds: string[]): string | undefined => {
  if (inputs.filesRead === 0) {
    const first = report.errors[0];
    return `no input could be read${first ? ` (${first.file}${first.line ? `:${first.line}` : ""}: ${first.message})` : ""}`;
  }
  if (report.summary.resources === 0)
    return `no Kubernetes objects in the input (${report.summary.skippedDocuments} documents without apiVersion/kind skipped); nothing was checked`;
  if (report.summary.rulesRun === 0) return "no rule could run (the --rules selection is empty); nothing was checked";
  if (report.summary.recognised === 0 || report.summary.rulesTargeted === 0)
    return `no object was recognised by any rule (${report.summary.resources} objects of kind ${kinds.join(", ")}); nothing was checked, which is an error, not a clean pass`;
  return undefined;
};

const execute = async (paths: string[], flags: ScanFlags): Promise<number> => {
  const format = parseFormat(flags.format);
  const failOn: Severity | undefined = flags.failOn ? parseSeverity(flags.failOn) : undefined;
  const maxFileSize = parseSize(flags.maxFileSize);
  const ruleIds = flags.rules !== undefined ? resolveRuleIds(parseList(flags.rules), RULES) : undefined;
  if (ruleIds && !ruleIds.length) throw new UsageError("--rules selects no rule");
  const now = parseNow(flags.now);
  const exceptions = flags.exceptions ? loadExceptions(flags.exceptions) : [];
  const baseline = flags.baseline ? loadBaseline(flags.baseline) : undefined;

  const inputs = await collectInputs(paths, flags, maxFileSize);
  for (const e of inputs.errors) warn(`${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
  const report = runScan({
    objects: inputs.objects,
    facts: inputs.facts,
    rules: RULES,
    options: { allowedRegistries: parseList(flags.allowedRegistries), ...(ruleIds ? { rules: ruleIds } : {}) },
    now,
    exceptions,
    baseline,
    errors: inputs.errors,
    skipped: inputs.skipped,
    files: inputs.filesRead,
    coverage: inputs.coverage,
  });

  for (const e of report.expiredExceptions)
    warn(`expired exception (${e.source}${e.entry !== undefined ? ` entry ${e.entry}` : ""}) for ${e.rule} on ${e.resource ? `${e.resource.kind ?? "*"}/${e.resource.namespace ?? "*"}/${e.resource.name ?? "*"}` : "all resources"}: expired ${e.expires}; no longer applied`);
  for (const e of report.ruleErrors) warn(`rule ${e.ruleId} failed on ${e.object ?? "the snapshot"}: ${e.message}`);

  await writeChunks(render(report, format, { toFile: !!flags.output, cluster: flags.cluster, objects: inputs.objects }), flags.output);
  if (format !== "table" || flags.output) process.stderr.write(`tower: ${summaryLine(report)}\n`);

  const kinds = [...new Set(inputs.objects.map((o) => o.obj.kind ?? "?"))].sort();
  const problem = nothingChecked(report, inputs, kinds);
  if (problem) {
    warn(problem);
    return 2;
  }
  if (failOn) {
    const failing = failsOn(report, failOn);
    if (failing.length) {
      warn(`${failing.length} ${report.new ? "new " : ""}finding(s) at or above ${failOn} (--fail-on ${failOn})`);
      return 1;
    }
  }
  return 0;
};

export const register = (program: Command) => {
  program
    .command("scan")
    .description("Scan Kubernetes manifests (files, directories, - for stdin) or a live cluster for security problems")
    .argument("[paths...]", "manifest files, directories (recursed: *.yaml, *.yml, *.json), or - for stdin")
    .option("--format <format>", "json | sarif | junit | table", "table")
    .option("--fail-on <severity>", "exit 1 when a finding (a new one, with --baseline) is at or above: critical|high|medium|low|info")
    .option("--exceptions <file>", "YAML file of accepted findings (rule, resource, reason, expires)")
    .option("--baseline <file>", "an earlier JSON result: report new and fixed findings, --fail-on counts only new ones")
    .option("--allowed-registries <list>", "comma-separated registry prefixes images may come from")
    .option("--max-file-size <bytes>", "skip input files larger than this (k, m, g suffixes allowed)", String(DEFAULT_MAX_FILE_SIZE))
    .option("--rules <ids>", "comma-separated rule ids or names to run (default: all)")
    .option("--output <file>", "write the result to FILE instead of stdout")
    .option("--cluster <context>", "scan the live cluster of this kubeconfig context instead of files")
    .option("--kubeconfig <file>", "kubeconfig to use with --cluster (default: $KUBECONFIG or ~/.kube/config)")
    .option("--now <date>", "evaluate exception expiry at this date instead of the current time")
    .option("--verbose", "progress on stderr")
    .action(async (paths: string[], flags: ScanFlags) => {
      let code: number;
      try {
        code = await execute(paths, flags);
      } catch (err) {
        if (!(err instanceof UsageError) && !(err instanceof ClusterUnavailableError)) throw err;
        warn(err.message);
        code = 2;
      }
      process.exit(code);
    });
};
