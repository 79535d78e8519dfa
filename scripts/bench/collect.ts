/**
 * npm run bench:collect [-- --objects 20000] [--seed 7] [--findings 500000] [--clusters 10] [--requests 100]
 *                       [--skip-scan] [--skip-explorer] [--keep] [--json FILE]
 *
 * End to end, against a real PostgreSQL (embedded, in a temp dir, migrated like production):
 *  1. Collection: a deterministic synthetic cluster (scripts/bench/generate.ts) of N objects served over TLS by
 *     the API simulator (its own process, pageSizeMax 500), onboarded with createClusters from a kubeconfig
 *     context and scanned in-process with runClusterScan, the worker's code path (collect -> RULES -> bulk
 *     upserts). Prints wall and CPU time, objects/s, findings stored, the worker's peak RSS, the split
 *     collect / scan / persist, then a second scan of the unchanged cluster (the steady state).
 *  2. Findings explorer: tops the database up to --findings findings over --clusters synthetic clusters with
 *     bulk SQL, ANALYZEs, then calls GET /api/v1/findings (the real route handler, with a session cookie)
 *     --requests times over a rotation of realistic filters: p50/p95/p99 and the slowest filters.
 * See the README, section Performance.
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/lib/db/embedded";
import { migrateQueue } from "@/lib/db/queue-schema";
import { isPortFree } from "@/lib/launcher/ports";
import { callExplorer, explorerCalls } from "./_collect/explorer";
import { machineCpu, postgresCpuMs, selfCpuMs } from "./_collect/proc";
import { seedFindings } from "./_collect/seed-findings";
import { runToExit } from "./_run-to-exit";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    objects: { type: "string", default: "20000" },
    seed: { type: "string", default: "7" },
    findings: { type: "string", default: "500000" },
    clusters: { type: "string", default: "10" },
    requests: { type: "string", default: "100" },
    "skip-scan": { type: "boolean", default: false },
    "skip-explorer": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const OBJECTS = Number(args.objects);
const TARGET = { wallS: 30, rssMiB: 1024, p95Ms: 150 };

const log = (m: string) => process.stderr.write(`[bench:collect] ${m}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const freePort = async () => {
  for (let p = 56000 + Math.floor(Math.random() * 2000); p < 65000; p += 11) if (await isPortFree(p, "127.0.0.1")) return p;
  throw new Error("no free port for PostgreSQL");
};

type SimStats = { cpuMs: number; maxRssKiB: number; requests: number };
const startSimChild = (objects: number, seed: number) =>
  new Promise<{ child: ChildProcess; kubeconfig: string; objectCount: number; generateMs: number; stats: () => Promise<SimStats> }>((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, "_collect/sim-server.ts"), [String(objects), String(seed), "500"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const waiters: Array<(s: SimStats) => void> = [];
    child.on("message", (m: { type: string } & Record<string, unknown>) => {
      if (m.type === "ready") resolve({ child, kubeconfig: m.kubeconfig as string, objectCount: m.objectCount as number, generateMs: m.generateMs as number, stats: () => new Promise((r) => (waiters.push(r), child.send({ type: "stats" }))) });
      else if (m.type === "stats") waiters.shift()?.(m as unknown as SimStats);
    });
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });

/** Where each resource's CPU went during one measured section. */
const meter = (pgDir: string, sim?: { stats: () => Promise<SimStats> }) => {
  const start = async () => ({ t: performance.now(), self: selfCpuMs(), pg: postgresCpuMs(pgDir), sim: (await sim?.stats())?.cpuMs ?? 0, machine: machineCpu(), load: os.loadavg()[0] });
  return {
    start,
    stop: async (a: Awaited<ReturnType<typeof start>>) => {
      const b = await start();
      const wall = b.t - a.t;
      const machineBusy = b.machine.busyMs - a.machine.busyMs;
      const ours = b.self - a.self + (b.pg - a.pg) + (b.sim - a.sim);
      return {
        wallMs: wall,
        workerCpuMs: b.self - a.self,
        postgresCpuMs: b.pg - a.pg,
        simulatorCpuMs: b.sim - a.sim,
        machineBusyCores: machineBusy / wall,
        otherBusyCores: Math.max(0, machineBusy - ours) / wall,
        load1: [a.load, b.load],
      };
    },
  };
};

const main = async () => {
  process.env.TOWER_AUTH_SECRET ??= `bench-${crypto.randomBytes(16).toString("hex")}`;
  process.env.TOWER_ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.NEXTAUTH_URL ??= "http://localhost:3000";
  process.env.TOWER_LOG_LEVEL ??= "warn";
  const report: Record<string, unknown> = { objects: OBJECTS, cores: os.cpus().length, machine: `${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`, node: process.version };
  log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-bench-collect-"));
  fs.chmodSync(dir, 0o777);
  const pgDir = path.join(dir, "pg");
  let pg: EmbeddedDb | undefined;
  let sim: Awaited<ReturnType<typeof startSimChild>> | undefined;
  const cleanup = async () => {
    sim?.child.send({ type: "close" });
    const { disconnectDb, closePool } = await import("@/lib/db");
    await Promise.allSettled([disconnectDb(), closePool()]);
    await pg?.stop().catch(() => {});
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

  try {
    // ---- 1. PostgreSQL, migrated as in production; an org with an admin ----
    let t = performance.now();
    pg = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort(), password: "bench" });
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: pg.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, cwd: ROOT, stdio: "pipe" });
    await migrateQueue(pg.url);
    process.env.DATABASE_URL = pg.url;
    log(`PostgreSQL started and migrated in ${s(performance.now() - t)}`);

    const { db, getDb, getPool } = await import("@/lib/db");
    const { createOrg, createMember, ctxFor } = await import("@/lib/db/test/factories");
    const org = await createOrg("Bench org");
    const admin = await createMember(org.id, "admin");
    const ctx = ctxFor(org, admin);

    // Phase marks without touching the worker's code: runClusterScan writes ScanRun.progress.phase at each
    // transition (collecting -> scanning -> storing -> done); a Prisma query extension timestamps those writes.
    const marks: Array<{ phase: string; t: number }> = [];
    const extended = getDb().$extends({
      query: {
        scanRun: {
          async update({ args: a, query }) {
            const phase = (a.data as { progress?: { phase?: string } } | undefined)?.progress?.phase;
            if (phase) marks.push({ phase, t: performance.now() });
            return query(a);
          },
        },
      },
    });
    (globalThis as unknown as { towerDb: unknown }).towerDb = extended;

    if (!args["skip-scan"]) {
      // ---- 2. The simulated cluster, onboarded and scanned twice ----
      t = performance.now();
      sim = await startSimChild(OBJECTS, Number(args.seed));
      log(`simulator: ${sim.objectCount} objects generated in ${s(sim.generateMs)}, serving (TLS, pageSizeMax 500) after ${s(performance.now() - t)}`);
      const { createClusters } = await import("@/lib/services/clusters/create-clusters");
      const { runClusterScan } = await import("@/lib/services/scans/run-cluster-scan");
      const [cluster] = await createClusters({ ctx, input: { kubeconfig: sim.kubeconfig, contexts: [{ context: "tower-sim", name: "bench-sim", environment: "prod" }] } });
      const firstScan = await db.scanRun.findFirstOrThrow({ where: { clusterId: cluster.id } });
      const m = meter(pgDir, sim);

      const measureScan = async (label: string, scanId?: string) => {
        marks.length = 0;
        const a = await m.start();
        const result = await runClusterScan({ clusterId: cluster.id, scanId });
        const end = performance.now();
        const usage = await m.stop(a);
        if ("failed" in result || "skipped" in result) throw new Error(`${label}: ${JSON.stringify(result)}`);
        const at = (phase: string) => marks.find((x) => x.phase === phase)?.t;
        const scanning = at("scanning") ?? a.t;
        const storing = at("storing") ?? scanning;
        const split = { collectMs: scanning - a.t, scanMs: storing - scanning, persistMs: end - storing };
        const run = await db.scanRun.findUniqueOrThrow({ where: { id: result.scanId } });
        return { label, ...usage, ...split, objectsPerSecond: (result.objectsTotal / usage.wallMs) * 1000, delta: result, coverageGaps: (run.coverage as Array<{ status: string }>).filter((c) => c.status !== "ok").length };
      };

      const first = await measureScan("first scan (onboarding)", firstScan.id);
      const rssAfterFirst = process.resourceUsage().maxRSS / 1024;
      const second = await measureScan("second scan (unchanged cluster)");
      const rssMiB = process.resourceUsage().maxRSS / 1024;
      const simStats = await sim.stats();
      const findingsStored = await db.finding.count({ where: { clusterId: cluster.id } });
      const inventoryStored = await db.inventoryObject.count({ where: { clusterId: cluster.id } });

      const print = (r: typeof first) => {
        console.log(`\n${r.label}`);
        console.log(`  wall time        ${s(r.wallMs)}   (collect ${s(r.collectMs)}, scan ${s(r.scanMs)}, persist ${s(r.persistMs)})`);
        console.log(`  objects/s        ${r.objectsPerSecond.toFixed(0)}   (${r.delta.objectsTotal} objects: +${r.delta.objectsAdded} ~${r.delta.objectsChanged} -${r.delta.objectsRemoved})`);
        console.log(`  findings         ${r.delta.findingsTotal}   (new ${r.delta.findingsNew}, resolved ${r.delta.findingsResolved}, regressed ${r.delta.findingsRegressed})`);
        console.log(`  CPU time         worker ${s(r.workerCpuMs)}, PostgreSQL ${s(r.postgresCpuMs)}, simulator ${s(r.simulatorCpuMs)}`);
        console.log(`  machine          ${r.machineBusyCores.toFixed(2)} of ${os.cpus().length} cores busy, ${r.otherBusyCores.toFixed(2)} by other processes; load1 ${r.load1.map((x) => x.toFixed(2)).join(" -> ")}`);
        if (r.coverageGaps) console.log(`  coverage gaps    ${r.coverageGaps}`);
      };
      console.log(`\n== Collection: ${sim.objectCount} objects, API simulator over TLS (pageSizeMax 500), runClusterScan in-process ==`);
      print(first);
      print(second);
      console.log(`\n  stored: ${inventoryStored} inventory objects, ${findingsStored} findings`);
      console.log(`  peak RSS of the worker process: ${rssMiB.toFixed(0)} MiB (after the first scan ${rssAfterFirst.toFixed(0)} MiB); simulator process ${(simStats.maxRssKiB / 1024).toFixed(0)} MiB, ${simStats.requests} API requests`);
      const okWall = first.wallMs < TARGET.wallS * 1000;
      const okRss = rssMiB < TARGET.rssMiB;
      console.log(`  targets: wall < ${TARGET.wallS} s ${okWall ? "MET" : "MISSED"}, RSS < 1 GB ${okRss ? "MET" : "MISSED"}`);
      report.collect = { first, second, rssMiB, rssAfterFirstMiB: rssAfterFirst, simulator: simStats, findingsStored, inventoryStored, targets: { wall: okWall, rss: okRss } };
      sim.child.send({ type: "close" });
      sim = undefined;
    }

    if (!args["skip-explorer"]) {
      // ---- 3. The findings explorer with --findings findings in the database ----
      const pool = getPool();
      const want = Number(args.findings);
      const have = Number((await pool.query(`select count(*) from "Finding"`)).rows[0].count);
      const seeded = await seedFindings(pool, { orgId: org.id, clusters: Number(args.clusters), count: Math.max(0, want - have), log });
      t = performance.now();
      // What autovacuum does after a bulk load (PostgreSQL 13+ vacuums on inserts too): statistics and the
      // visibility map, which index-only scans need.
      await pool.query(`vacuum analyze "Finding"`);
      await pool.query(`analyze "Cluster"`);
      await pool.query(`analyze "Suppression"`);
      const stats = (await pool.query(`select count(*)::int as total, count(*) filter (where status <> 'resolved')::int as unresolved, count(*) filter (where "suppressionId" is not null)::int as suppressed, pg_size_pretty(pg_total_relation_size('"Finding"')) as size from "Finding"`)).rows[0];
      log(`seeded ${seeded.inserted} findings in ${s(seeded.ms)}, vacuumed and analyzed in ${s(performance.now() - t)}`);
      console.log(`\n== Findings explorer: GET /api/v1/findings, ${stats.total} findings (${stats.unresolved} not resolved, ${stats.suppressed} suppressed; table + indexes ${stats.size}) ==`);

      const { GET } = await import("@/app/api/v1/findings/route");
      const clusterIds = [...seeded.clusterIds, ...(await db.cluster.findMany({ where: { orgId: org.id, id: { notIn: seeded.clusterIds } }, select: { id: true } })).map((c) => c.id)];
      const calls = explorerCalls(Number(args.requests), clusterIds);
      for (const c of calls.slice(0, 5)) await callExplorer(GET, admin.cookie, c.query); // warm-up: module init, connections, plan cache
      const m = meter(pgDir);
      const a = await m.start();
      const timings: Array<{ label: string; query: string; ms: number; total?: number; estimate?: boolean }> = [];
      for (const c of calls) {
        const { ms: took, body } = await callExplorer(GET, admin.cookie, c.query);
        timings.push({ label: c.label, query: c.query, ms: took, total: body.total ?? body.groups?.length, estimate: body.totalIsEstimate });
      }
      const usage = await m.stop(a);
      const xs = timings.map((x) => x.ms);
      const p = { p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: Math.max(...xs), mean: xs.reduce((a2, b) => a2 + b, 0) / xs.length };
      console.log(`  ${xs.length} requests (after 5 warm-up): p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}, max ${ms(p.max)}, mean ${ms(p.mean)}`);
      console.log(`  CPU: node ${s(usage.workerCpuMs)}, PostgreSQL ${s(usage.postgresCpuMs)}; machine ${usage.machineBusyCores.toFixed(2)} of ${os.cpus().length} cores busy, ${usage.otherBusyCores.toFixed(2)} by other processes; load1 ${usage.load1.map((x) => x.toFixed(2)).join(" -> ")}`);
      const byLabel = new Map<string, number[]>();
      for (const x of timings) byLabel.set(x.label, [...(byLabel.get(x.label) ?? []), x.ms]);
      console.log(`  by filter (median of its calls, slowest first):`);
      for (const [label, v] of [...byLabel.entries()].sort((a2, b) => pct(b[1], 50) - pct(a2[1], 50)))
        console.log(`    ${label.padEnd(36)} ${ms(pct(v, 50)).padStart(9)}  (max ${ms(Math.max(...v))}, n=${v.length})`);
      console.log(`  slowest requests:`);
      for (const x of [...timings].sort((a2, b) => b.ms - a2.ms).slice(0, 5)) console.log(`    ${ms(x.ms).padStart(9)}  ${x.query || "(no filters)"}  total=${x.total}${x.estimate ? " (estimate)" : ""}`);
      const ok = p.p95 < TARGET.p95Ms;
      console.log(`  target: p95 < ${TARGET.p95Ms} ms ${ok ? "MET" : "MISSED"}`);
      report.explorer = { findings: stats, seedMs: seeded.ms, ...p, usage, timings, target: ok };
    }
    if (args.json) fs.writeFileSync(args.json, JSON.stringify(report, null, 2));
  } finally {
    await cleanup();
  }
};

void runToExit(main);
