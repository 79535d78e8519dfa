/**
 * npm run bench:scan [-- --objects 50000] [--scale] [--seed 7] [--no-rule-timing] [--json FILE]
 *
 * Generates a deterministic synthetic cluster as API list pages of 500 objects, then measures, each in its
 * own process so that peak RSS is that phase's own: the floor (read + JSON.parse), the full scan the CLI does
 * (read + parse + all RULES + exceptions + report), and per-rule time. See the README, section Performance.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Rule } from "../../lib/scanner/define-rule";
import { RULES } from "../../lib/scanner/rules";
import { readAndParse, runScan } from "../../bin/commands/_scan/pipeline";
import { jsonChunks } from "../../lib/scanner/format/json";
import { generateCluster, toPages } from "./generate";

type Args = { objects: number; seed: number; scale: boolean; ruleTiming: boolean; phase?: string; dir?: string; json?: string; keep: boolean };

const parseArgs = (argv: string[]): Args => {
  const a: Args = { objects: 50_000, seed: 7, scale: false, ruleTiming: true, keep: true };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === "--objects") a.objects = Number(v());
    else if (k === "--seed") a.seed = Number(v());
    else if (k === "--scale") a.scale = true;
    else if (k === "--no-rule-timing") a.ruleTiming = false;
    else if (k === "--phase") a.phase = v();
    else if (k === "--dir") a.dir = v();
    else if (k === "--json") a.json = v();
    else if (k === "--no-keep") a.keep = false;
  }
  return a;
};

const NOW = new Date("2026-06-01T00:00:00Z");
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;
/** CPU time of this process (user + system), in ms: less sensitive than wall time to other load on the machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Other work on the machine inflates wall times: printed so that a figure can be judged. */
const loadAverage = () => `load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Writes the pages once per (objects, seed) and reuses them. */
const ensureData = (objects: number, seed: number): { dir: string; bytes: number; files: number } => {
  const dir = path.join(os.tmpdir(), `tower-bench-scan-${objects}-${seed}`);
  const marker = path.join(dir, ".complete");
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const t = performance.now();
    process.stderr.write(`bench: generating ${objects} objects (seed ${seed}) in ${dir} ...\n`);
    const pages = toPages(generateCluster(objects, seed));
    pages.forEach((p, i) => fs.writeFileSync(path.join(dir, `page-${String(i).padStart(5, "0")}.json`), p));
    fs.writeFileSync(marker, "");
    process.stderr.write(`bench: generated ${pages.length} pages in ${s(performance.now() - t)}\n`);
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
  return { dir, bytes, files: files.length };
};

// ---- phases (each runs in a child process) ----

const phaseFloor = (dir: string) => {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t = performance.now();
  const c = cpuMs();
  const kept: unknown[] = [];
  let objects = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    const page = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { items: unknown[] };
    objects += page.items.length;
    kept.push(page);
  }
  const ms = performance.now() - t;
  const cpu = cpuMs() - c;
  gc();
  const parsedBytes = process.memoryUsage().heapUsed - heapBefore;
  return { ms, cpu, objects, parsedBytes, maxRss: maxRssBytes(), kept: kept.length };
};

const phaseScan = async (dir: string) => {
  const c0 = cpuMs();
  const t0 = performance.now();
  const parsed = await readAndParse([dir], Number.MAX_SAFE_INTEGER);
  const t1 = performance.now();
  const c1 = cpuMs();
  const report = runScan({ objects: parsed.objects, rules: RULES, options: {}, now: NOW, exceptions: [], errors: parsed.errors, skipped: parsed.skipped, files: parsed.filesRead });
  const t2 = performance.now();
  const c2 = cpuMs();
  const maxRssScan = maxRssBytes();
  // The CLI streams the JSON result; count its bytes the same way instead of building one string.
  let outputBytes = 0;
  for (const chunk of jsonChunks(report)) outputBytes += chunk.length;
  const t3 = performance.now();
  return {
    parseMs: t1 - t0,
    scanMs: t2 - t1,
    serializeMs: t3 - t2,
    parseCpu: c1 - c0,
    scanCpu: c2 - c1,
    objects: parsed.objects.length,
    findings: report.findings.length,
    outputBytes,
    ruleErrors: report.ruleErrors.length,
    errors: report.errors.length,
    rulesTargeted: report.summary.rulesTargeted,
    maxRss: maxRssScan,
    maxRssWithOutput: maxRssBytes(),
  };
};

/** Per-rule timing: each rule's check wrapped with a clock; memoised snapshot indexes count for the first rule that builds them. */
const phaseRules = async (dir: string) => {
  const parsed = await readAndParse([dir], Number.MAX_SAFE_INTEGER);
  const spent = new Map<string, { ms: number; calls: number }>();
  const timed = RULES.map((rule) => {
    const slot = { ms: 0, calls: 0 };
    spent.set(rule.id, slot);
    const check = rule.check as (...args: unknown[]) => unknown;
    const wrapped = (...args: unknown[]) => {
      const t = performance.now();
      try {
        return check(...args);
      } finally {
        slot.ms += performance.now() - t;
        slot.calls++;
      }
    };
    return { ...rule, check: wrapped } as Rule;
  });
  const t = performance.now();
  runScan({ objects: parsed.objects, rules: timed, options: {}, now: NOW, exceptions: [], errors: [], skipped: 0, files: parsed.filesRead });
  const total = performance.now() - t;
  const names = new Map(RULES.map((r) => [r.id, r.name]));
  const rules = [...spent.entries()].map(([id, v]) => ({ id, name: names.get(id), ms: v.ms, calls: v.calls })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total, rulesMs: rules.reduce((sum, r) => sum + r.ms, 0), rules };
};

const runPhase = (phase: string, dir: string): Record<string, unknown> => {
  const args = [...process.execArgv.filter((a) => a !== "--expose-gc"), "--expose-gc", import.meta.filename, "--phase", phase, "--dir", dir];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`phase ${phase} failed with exit code ${r.status}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
};

type Measure = { objects: number; bytes: number; files: number; floor: ReturnType<typeof phaseFloor>; scan: Awaited<ReturnType<typeof phaseScan>> };

const measure = (objects: number, seed: number): Measure => {
  const data = ensureData(objects, seed);
  process.stderr.write(`bench: ${objects} objects: floor ...\n`);
  const floor = runPhase("floor", data.dir) as ReturnType<typeof phaseFloor>;
  process.stderr.write(`bench: ${objects} objects: full scan ...\n`);
  const scan = runPhase("scan", data.dir) as Awaited<ReturnType<typeof phaseScan>>;
  return { objects, bytes: data.bytes, files: data.files, floor, scan };
};

const print = (m: Measure) => {
  const full = m.scan.parseMs + m.scan.scanMs;
  const fullCpu = m.scan.parseCpu + m.scan.scanCpu;
  const ok = (v: number, max: number) => `${v.toFixed(2)}x   target <= ${max}x ${v <= max ? "OK" : "MISSED"}`;
  const lines = [
    `objects               ${m.objects} (${m.files} pages of 500), ${RULES.length} rules`,
    `input size            ${mb(m.bytes)}`,
    `floor (read+parse)    ${s(m.floor.ms)} wall, ${s(m.floor.cpu)} CPU   parsed snapshot ${mb(m.floor.parsedBytes)} on the heap`,
    `full scan             ${s(full)} wall, ${s(fullCpu)} CPU   (read+parse ${s(m.scan.parseMs)}, rules+exceptions+report ${s(m.scan.scanMs)}; JSON output ${s(m.scan.serializeMs)} more)`,
    `objects per second    ${Math.round(m.objects / (full / 1000))} wall, ${Math.round(m.objects / (fullCpu / 1000))} CPU`,
    `findings              ${m.scan.findings} (${m.scan.rulesTargeted} rules applied, ${m.scan.ruleErrors} rule errors, ${m.scan.errors} input errors)`,
    `peak RSS (scan)       ${mb(m.scan.maxRss)}, ${mb(m.scan.maxRssWithOutput)} with the ${mb(m.scan.outputBytes)} JSON output streamed   (floor process: ${mb(m.floor.maxRss)})`,
    `scan / floor (wall)   ${ok(full / m.floor.ms, 3)}`,
    `scan / floor (CPU)    ${ok(fullCpu / m.floor.cpu, 3)}`,
    `peak RSS / snapshot   ${ok(m.scan.maxRss / m.floor.parsedBytes, 3)}`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
};

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.phase) {
    const dir = args.dir!;
    const result = args.phase === "floor" ? phaseFloor(dir) : args.phase === "scan" ? await phaseScan(dir) : await phaseRules(dir);
    process.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  const base = measure(args.objects, args.seed);
  process.stdout.write(`\n== tower scan benchmark (node ${process.version}, ${os.cpus().length} CPUs, seed ${args.seed}, ${loadAverage()}) ==\n`);
  print(base);
  const results: Record<string, unknown> = { base };
  if (args.ruleTiming) {
    process.stderr.write(`bench: per-rule timing ...\n`);
    const timing = runPhase("rules", ensureData(args.objects, args.seed).dir) as Awaited<ReturnType<typeof phaseRules>>;
    results.ruleTiming = timing;
    process.stdout.write(`\ntop 10 rules by time (of ${s(timing.rulesMs)} spent in checks, ${s(timing.totalMs)} scan):\n`);
    for (const r of timing.rules.slice(0, 10)) process.stdout.write(`  ${r.id}  ${String(r.name).padEnd(44)} ${(r.ms).toFixed(0).padStart(7)} ms  ${String(r.calls).padStart(7)} calls\n`);
  }
  if (args.scale) {
    const big = measure(args.objects * 4, args.seed);
    process.stdout.write(`\n== ${big.objects} objects ==\n`);
    print(big);
    const ratio = (big.scan.parseMs + big.scan.scanMs) / (base.scan.parseMs + base.scan.scanMs);
    const ratioCpu = (big.scan.parseCpu + big.scan.scanCpu) / (base.scan.parseCpu + base.scan.scanCpu);
    process.stdout.write(`${big.objects} / ${base.objects} time  ${ratio.toFixed(2)}x wall, ${ratioCpu.toFixed(2)}x CPU   target <= 4.5x ${ratio <= 4.5 ? "OK" : "MISSED"}   (${loadAverage()})\n`);
    results.scale = { big, ratio, ratioCpu };
  }
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
};

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
