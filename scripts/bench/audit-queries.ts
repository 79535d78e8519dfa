/**
 * npm run bench:audit-queries [-- --events 10000000] [--clusters 4] [--days 7] [--requests 100] [--incidents 150] [--keep] [--json FILE]
 *
 * Read side of the audit pipeline against a real PostgreSQL (embedded, in a temp dir, migrated like production):
 *  1. Seeds --events audit events over --clusters clusters of one org and --days days with bulk SQL (skewed:
 *     controller and node identities produce most events; humans, CI and app accounts few), the hourly
 *     rollups, the detection worker's derived tables as if it had caught up, and incidents with detections.
 *  2. Calls the service functions the pages call (principal and resource activity, incident page, incident
 *     list, overview, cluster audit status), --requests times per kind, kinds interleaved, parameters rotating.
 *     Prints p50/p95/p99 per kind and the targets (timeline and incident queries p95 < 200 ms; 24-hour
 *     overview aggregates p95 < 50 ms). See the README, section Performance.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/lib/db/embedded";
import { migrateQueue } from "@/lib/db/queue-schema";
import { isPortFree } from "@/lib/launcher/ports";
import { machineCpu, postgresCpuMs, selfCpuMs } from "./_collect/proc";
import { queryKinds } from "./_audit-queries/calls";
import { seedDerived } from "./_audit-queries/seed-derived";
import { seedEvents, seedRollups } from "./_audit-queries/seed-events";
import { seedIncidents } from "./_audit-queries/seed-incidents";
import { runToExit } from "./_run-to-exit";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "10000000" },
    clusters: { type: "string", default: "4" },
    days: { type: "string", default: "7" },
    requests: { type: "string", default: "100" },
    incidents: { type: "string", default: "150" },
    keep: { type: "boolean", default: false },
    json: { type: "string" },
  },
});

const log = (m: string) => process.stderr.write(`[bench:audit-queries] ${m}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const freePort = async () => {
  for (let p = 52000 + Math.floor(Math.random() * 2000); p < 65000; p += 13) if (await isPortFree(p, "127.0.0.1")) return p;
  throw new Error("no free port for PostgreSQL");
};
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

const startDatabase = async (pgDir: string) => {
  // Bulk-load settings only; they do not change how reads run. shared_buffers stays at its default (128 MB).
  const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort(), password: "bench", settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off", max_wal_size: "8GB", checkpoint_timeout: "30min" } });
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: pg.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, cwd: ROOT, stdio: "pipe" });
  await migrateQueue(pg.url);
  process.env.DATABASE_URL = pg.url;
  return pg;
};

const seed = async (orgName: string) => {
  const { db, getPool } = await import("@/lib/db");
  const { createOrg, createMember, ctxFor } = await import("@/lib/db/test/factories");
  const org = await createOrg(orgName);
  const ctx = ctxFor(org, await createMember(org.id, "admin"));
  const names = ["prod-eu", "prod-us", "staging", "dev", "edge-1", "edge-2", "lab", "dr"].slice(0, Number(args.clusters));
  const clusterIds: string[] = [];
  for (const name of names) clusterIds.push((await db.cluster.create({ data: { orgId: org.id, name, server: `https://${name}.example:6443`, environment: name.startsWith("prod") ? "prod" : "dev" } })).id);
  const pool = getPool();
  let t = performance.now();
  const events = await seedEvents(pool, { clusterIds, count: Number(args.events), days: Number(args.days), now: new Date(), log });
  log(`${events.events} events inserted in ${s(events.insertMs)}, indexes built in ${s(events.indexMs)}`);
  await seedRollups(pool);
  const derivedMs = await seedDerived(pool, clusterIds);
  const incidents = await seedIncidents(pool, { orgId: org.id, clusterIds, from: events.from, to: events.to, perCluster: Number(args.incidents) });
  const tv = performance.now();
  await pool.query("vacuum analyze");
  const seedMs = performance.now() - t;
  t = performance.now();
  const size = (await pool.query<{ table: string; total: string; bytes: string }>(
    `select 'audit_events' as table, pg_size_pretty(sum(pg_total_relation_size(inhrelid))) as total, sum(pg_total_relation_size(inhrelid))::text as bytes from pg_inherits where inhparent = 'audit_events'::regclass`,
  )).rows[0];
  log(`seeded in ${s(seedMs)} (vacuum analyze ${s(t - tv)}, derived tables ${s(derivedMs)}); audit_events ${size.total} with indexes`);
  const counts = (await pool.query(`select (select count(*) from "Incident")::int as incidents, (select count(*) from "AuditDetection")::int as detections, (select count(*) from "AuditRollupHourly")::int as rollups`)).rows[0];
  return { ctx, clusterIds, incidents, seeded: { events: events.events, insertMs: events.insertMs, indexMs: events.indexMs, seedMs, auditEventsSize: size.total, auditEventsBytes: Number(size.bytes), ...counts } };
};

const measure = async (kinds: ReturnType<typeof queryKinds>, pgDir: string) => {
  const n = Number(args.requests);
  for (const k of kinds) await k.call(0); // warm-up: module init, connections, plan cache
  const times = new Map<string, number[]>(kinds.map((k) => [k.label, []]));
  const before = { t: performance.now(), self: selfCpuMs(), pg: postgresCpuMs(pgDir), machine: machineCpu(), load: load() };
  // Kinds interleaved, so that a change in the machine's load weighs on every kind alike.
  for (let i = 1; i <= n; i++) {
    for (const k of kinds) {
      const t = performance.now();
      await k.call(i);
      times.get(k.label)!.push(performance.now() - t);
    }
  }
  const wall = performance.now() - before.t;
  const machineBusy = machineCpu().busyMs - before.machine.busyMs;
  const ours = selfCpuMs() - before.self + postgresCpuMs(pgDir) - before.pg;
  const usage = { wallMs: wall, nodeCpuMs: selfCpuMs() - before.self, postgresCpuMs: postgresCpuMs(pgDir) - before.pg, otherBusyCores: Math.max(0, machineBusy - ours) / wall, load: [before.load, load()] };
  const rows = kinds.map((k) => {
    const xs = times.get(k.label)!;
    const p95 = pct(xs, 95);
    return { label: k.label, group: k.group, targetMs: k.targetMs, n: xs.length, p50: pct(xs, 50), p95, p99: pct(xs, 99), max: Math.max(...xs), met: p95 < k.targetMs };
  });
  return { rows, usage };
};

const printTable = (r: Awaited<ReturnType<typeof measure>>) => {
  const f = (x: number) => x.toFixed(1).padStart(8);
  console.log(`\n  ${"query".padEnd(32)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(8)}  target p95`);
  for (const x of r.rows) console.log(`  ${x.label.padEnd(32)} ${f(x.p50)} ${f(x.p95)} ${f(x.p99)} ${f(x.max)}  < ${x.targetMs} ms ${x.met ? "met" : "MISSED"}`);
  const u = r.usage;
  console.log(`\n  ${r.rows[0].n} calls per kind in ${s(u.wallMs)}; CPU node ${s(u.nodeCpuMs)}, PostgreSQL ${s(u.postgresCpuMs)}; other processes ${u.otherBusyCores.toFixed(2)} cores; load ${u.load[0]} -> ${u.load[1]}`);
};

const main = async () => {
  process.env.TOWER_AUTH_SECRET ??= `bench-${crypto.randomBytes(16).toString("hex")}`;
  process.env.TOWER_ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.NEXTAUTH_URL ??= "http://localhost:3000";
  process.env.TOWER_LOG_LEVEL ??= "warn";
  log(`machine: ${os.cpus().length} cores, load average ${load()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-bench-audit-queries-"));
  fs.chmodSync(dir, 0o777);
  const pgDir = path.join(dir, "pg");
  let pg: EmbeddedDb | undefined;
  const cleanup = async () => {
    const { disconnectDb, closePool } = await import("@/lib/db");
    await Promise.allSettled([disconnectDb(), closePool()]);
    await pg?.stop().catch(() => {});
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir} (PostgreSQL data in ${pgDir})`);
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  try {
    pg = await startDatabase(pgDir);
    if (args.keep) log(`DATABASE_URL=${pg.url}`);
    const { ctx, clusterIds, incidents, seeded } = await seed("Bench org");
    console.log(`\n== Audit queries: ${seeded.events} events, ${clusterIds.length} clusters, ${args.days} days; audit_events ${seeded.auditEventsSize}; ${seeded.incidents} incidents, ${seeded.detections} detections ==`);
    console.log(`  seeding ${s(seeded.seedMs)} (insert ${s(seeded.insertMs)}, indexes ${s(seeded.indexMs)})`);
    const result = await measure(queryKinds(ctx, clusterIds, incidents), pgDir);
    printTable(result);
    if (args.json) fs.writeFileSync(args.json, JSON.stringify({ cores: os.cpus().length, node: process.version, seeded, ...result }, null, 2));
  } finally {
    await cleanup();
  }
};

void runToExit(main);
