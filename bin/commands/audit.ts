import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { Command, Option } from "commander";
import pc from "picocolors";
import { analyzeEvents, atOrAbove } from "../../lib/audit/analyze";
import type { DetectionRecord } from "../../lib/audit/engine";
import { groupIncidents } from "../../lib/audit/incidents";
import { normalizeText } from "../../lib/audit/normalize";
import { SEVERITIES, type AuditEvent, type Rejected, type Severity } from "../../lib/audit/types";

/**
 * `tower audit ...`. Other subcommands live in their own files (bin/commands/audit-<name>.ts) and export
 * `registerAuditSubcommand(audit: Command)`; they are attached here when present.
 */
export const AUDIT_SUBCOMMAND_FILES = ["audit-import.ts"];

type SubcommandModule = { registerAuditSubcommand?: (audit: Command) => void };
const extras: SubcommandModule[] = [];
for (const file of AUDIT_SUBCOMMAND_FILES) {
  const full = path.join(import.meta.dirname, file);
  if (fs.existsSync(full)) extras.push((await import(full)) as SubcommandModule);
}

class UsageError extends Error {}

/** "0", "90s", "10m", "2h", "1d" → milliseconds. */
export const parseDuration = (s: string): number => {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(s.trim());
  if (!m) throw new UsageError(`invalid duration '${s}' (use e.g. 0, 90s, 10m, 2h, 1d)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? "m"] ?? 60_000;
  return Number(m[1]) * unit;
};

const readInput = (file: string): string => {
  let buf: Buffer;
  try {
    buf = file === "-" ? fs.readFileSync(0) : fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (err as Error).message}`);
  }
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = zlib.gunzipSync(buf);
    } catch (err) {
      throw new UsageError(`cannot read ${file}: invalid gzip data (${(err as Error).message})`);
    }
  }
  return buf.toString("utf8");
};

/** The contract fields first (cli-contract.md), then Tower's extensions. */
const toJson = (d: DetectionRecord) => ({
  detectionId: d.detectionId,
  title: d.title,
  severity: d.severity,
  principal: d.principal,
  auditIDs: d.auditIDs,
  firstSeen: d.firstSeen,
  lastSeen: d.lastSeen,
  refs: d.refs,
  name: d.name,
  tactic: d.tactic,
  message: d.message,
  sourceIP: d.sourceIP,
  userAgent: d.userAgent,
  verb: d.verb,
  resource: d.resource,
  namespace: d.namespace,
  objectName: d.objectName,
  authorization: d.authorization,
  source: d.source,
});

const COLORS: Record<Severity, (s: string) => string> = { critical: pc.red, high: pc.magenta, medium: pc.yellow, low: pc.cyan, info: pc.dim };

const renderTable = (detections: DetectionRecord[], stats: { events: number; rejected: number }): string => {
  const lines = detections.map((d) => `${COLORS[d.severity](d.severity.padEnd(8))} ${d.detectionId}  ${d.firstSeen.slice(0, 19)}  ${d.principal}\n           ${d.message}`);
  const summary = `${detections.length} detection(s) in ${stats.events} event(s); ${stats.rejected} rejected`;
  return `${lines.join("\n")}${lines.length ? "\n\n" : ""}${summary}\n`;
};

type AnalyzeFlags = { format: "json" | "table"; failOn?: Severity; warmup: string; incidents?: boolean };

const runAnalyze = (files: string[], flags: AnalyzeFlags) => {
  const warmupMs = parseDuration(flags.warmup);
  const events: AuditEvent[] = [];
  const rejected: Rejected[] = [];
  for (const file of files) {
    const norm = normalizeText(readInput(file), { file, idPrefix: file === "-" ? "stdin" : path.basename(file) });
    events.push(...norm.events);
    rejected.push(...norm.rejected);
  }
  const result = analyzeEvents(events, { warmupMs });
  const detections = [...result.detections].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.detectionId.localeCompare(b.detectionId));
  const stats = { events: events.length, rejected: rejected.length };
  for (const r of rejected.slice(0, 5)) process.stderr.write(`tower audit analyze: rejected ${r.file ?? ""}#${r.index + 1}: ${r.reason}\n`);
  if (rejected.length > 5) process.stderr.write(`tower audit analyze: ... ${rejected.length - 5} more rejected\n`);
  if (flags.format === "json") {
    const doc: Record<string, unknown> = { detections: detections.map(toJson), stats };
    if (flags.incidents) doc.incidents = groupIncidents(detections).map(({ detections: _d, ...rest }) => rest);
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    process.stdout.write(renderTable(detections, stats));
  }
  if (flags.failOn && detections.some((d) => atOrAbove(d, flags.failOn as Severity))) process.exitCode = 1;
};

const addAnalyze = (audit: Command) =>
  audit
    .command("analyze")
    .description("Run Tower's detections over Kubernetes audit logs (JSON lines, EventList, JSON array; EKS/GKE/AKS exports; .gz)")
    .argument("<file...>", "audit log files, '-' for stdin")
    .addOption(new Option("--format <format>", "output format").choices(["json", "table"]).default("table"))
    .addOption(new Option("--fail-on <severity>", "exit 1 when a detection is at or above this severity").choices([...SEVERITIES]))
    .option("--warmup <duration>", "learning period before first-seen detections alert (0, 90s, 10m, 2h)", "10m")
    .option("--incidents", "also group detections into incidents (JSON only)")
    .action((files: string[], flags: AnalyzeFlags) => {
      try {
        runAnalyze(files, flags);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        process.stderr.write(`tower audit analyze: ${err.message}\n`);
        process.exitCode = 2;
      }
    });

/** Returns the `audit` command of `program`, creating it if needed, so that other files can add subcommands. */
export const ensureAuditCommand = (program: Command): Command =>
  program.commands.find((c) => c.name() === "audit") ?? program.command("audit").description("Kubernetes audit log analysis");

export const register = (program: Command): Command => {
  const audit = ensureAuditCommand(program);
  addAnalyze(audit);
  for (const m of extras) m.registerAuditSubcommand?.(audit);
  return audit;
};
