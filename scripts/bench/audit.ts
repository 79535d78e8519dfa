// Benchmark: audit webhook ingest end to end. Starts an embedded PostgreSQL, Tower's production web
// server (`next start`, from the existing build or a new one) and a worker (audit.detect), sends N events
// through the HTTP webhook in batches of 400 on concurrent connections, then loads the same rows directly
// (COPY, no HTTP) for the ceiling, and measures latency at a fixed offered 5,000 events/s.
// Run: npm run bench:audit -- [--events 200000] [--concurrency 8]
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateQueue } from "@/lib/db/queue-schema";
import { needsBuild } from "@/lib/launcher/build";
import { webNodeFlags, workerNodeFlags } from "@/lib/launcher/node-flags";
import { isPortFree } from "@/lib/launcher/ports";
import { machineCpu, postgresCpuMs, processTreeCpuMs, selfCpuMs } from "./_collect/proc";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({ options: { events: { type: "string", default: "1000000" }, concurrency: { type: "string", default: "8" }, "fixed-seconds": { type: "string", default: "20" }, profile: { type: "string" }, "pg-log": { type: "string" } } });
// --profile DIR: V8 CPU profiles of the web server and the worker, written when they exit (open in Chrome DevTools).
// --pg-log FILE: PostgreSQL's log, with lock waits over 50 ms, checkpoints, autovacuum runs and statements over 150 ms
// (where a latency tail comes from).
const PG_DIAGNOSTICS = { log_checkpoints: "on", log_autovacuum_min_duration: "0", log_lock_waits: "on", deadlock_timeout: "50ms", log_min_duration_statement: "150" };
const PROFILE = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
const N = Number(args.events);
const C = Number(args.concurrency);
const BATCH = 400;
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

const USERS = ["system:serviceaccount:kube-system:replicaset-controller", "system:node:ip-10-0-1-23", "alice@example.com", "system:serviceaccount:argocd:argocd-application-controller", "system:kube-scheduler", "bob@example.com"];
const RESOURCES = ["pods", "configmaps", "endpoints", "deployments", "services", "secrets", "leases", "nodes", "events", "replicasets"];
const VERBS = ["get", "list", "watch", "get", "update", "patch", "create", "get", "delete", "list"];

/** One realistic apiserver event: mostly Metadata reads, some Request-level writes with a pod spec. */
const event = (run: string, i: number, now: number, batchMark: string) => {
  const resource = RESOURCES[i % RESOURCES.length];
  const verb = VERBS[(i * 7) % VERBS.length];
  const ns = `team-${i % 23}`;
  const name = `${resource}-${i % 211}`;
  const ts = new Date(now - (i % 5000)).toISOString().replace("Z", "123Z");
  const isWrite = ["create", "update", "patch"].includes(verb) && resource === "pods";
  return {
    kind: "Event", apiVersion: "audit.k8s.io/v1", level: isWrite ? "Request" : "Metadata", auditID: `${run}-${batchMark}-${i}`, stage: "ResponseComplete",
    requestURI: `/api/v1/namespaces/${ns}/${resource}/${name}${verb === "watch" ? "?watch=true&resourceVersion=12345" : ""}`, verb,
    user: { username: USERS[i % USERS.length], uid: `u-${i % 6}`, groups: ["system:authenticated", "system:serviceaccounts"] },
    sourceIPs: [`10.0.${i % 8}.${i % 250}`], userAgent: "kube-controller-manager/v1.30.1 (linux/amd64) kubernetes/abc1234/system:serviceaccount:kube-system:replicaset-controller",
    objectRef: { resource, namespace: ns, name, apiVersion: "v1" }, responseStatus: { metadata: {}, code: i % 97 === 0 ? 403 : 200 },
    requestReceivedTimestamp: ts, stageTimestamp: ts,
    annotations: { "authorization.k8s.io/decision": i % 97 === 0 ? "forbid" : "allow", "authorization.k8s.io/reason": 'RBAC: allowed by ClusterRoleBinding "system:controller:replicaset-controller" of ClusterRole "system:controller:replicaset-controller" to ServiceAccount "replicaset-controller/kube-system"' },
    ...(isWrite ? { requestObject: { kind: "Pod", apiVersion: "v1", metadata: { name, namespace: ns, labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx:1.27", resources: { limits: { cpu: "500m", memory: "256Mi" } } }] } } } : {}),
  };
};
// The load generator shares the 2 cores with Tower, so it serialises 64 batches once and splices the batch
// number into their auditIDs (unique per batch) instead of building 400 events per request.
const TEMPLATES = 64;
const MARK = "~batch~";
const templates = new Map<string, string[]>();
const batchBody = (run: string, b: number) => {
  const key = `${run}:${b % TEMPLATES}`;
  let parts = templates.get(key);
  if (!parts) {
    const items = Array.from({ length: BATCH }, (_, k) => event(run, (b % TEMPLATES) * BATCH + k, Date.now(), MARK));
    parts = JSON.stringify({ kind: "EventList", apiVersion: "audit.k8s.io/v1", metadata: {}, items }).split(MARK);
    templates.set(key, parts);
  }
  return parts.join(String(b));
};

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const freePort = async (from: number) => {
  for (let p = from; p < from + 500; p++) if (await isPortFree(p, "127.0.0.1")) return p;
  throw new Error("no free port");
};

/** Peak resident memory (VmHWM) of a process and its descendants, in MiB. */
const peakRssMiB = (pid: number): number => {
  const kids = (p: number): number[] => {
    const list = fs.readdirSync(`/proc/${p}/task`).flatMap((t) => fs.readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    return [p, ...list.flatMap(kids)];
  };
  return Math.max(...kids(pid).map((p) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024));
};

// Plain node:http with keep-alive, as light a client as the API server's: fetch costs the shared cores more.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const send = (url: URL, token: string, body: Buffer) =>
  new Promise<{ status: number; json: { accepted?: number; duplicates?: number } }>((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": body.length, "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });

/** Posts one batch as the API server would: retried on 429/5xx until it lands; latency includes the retries. */
const post = async (url: string, token: string, text: string) => {
  const t = performance.now();
  const body = Buffer.from(text, "utf8");
  for (let attempt = 0; ; attempt++) {
    const res = await send(new URL(url), token, body);
    if (res.status >= 200 && res.status < 300) return { ms: performance.now() - t, attempts: attempt + 1, accepted: res.json.accepted ?? 0 };
    if (performance.now() - t > 120_000) throw new Error(`batch failed for 2 minutes: ${res.status} ${JSON.stringify(res.json)}`);
    await new Promise((r) => setTimeout(r, res.status === 429 ? 250 : 1000));
  }
};

const main = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-bench-audit-"));
  fs.chmodSync(dir, 0o777);
  const children: ChildProcess[] = [];
  const pgLog = args["pg-log"] ? path.resolve(args["pg-log"]) : undefined;
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: await freePort(57100),
    password: "bench",
    ...(pgLog ? { settings: PG_DIAGNOSTICS, onLog: (line: string) => fs.appendFileSync(pgLog, `${line}\n`) } : {}),
  });
  const cleanup = async () => {
    for (const c of children) c.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    await pg.stop().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const env = { ...process.env, DATABASE_URL: pg.url, NEXT_TELEMETRY_DISABLED: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], { env, cwd: ROOT, stdio: "pipe" });
    await migrateQueue(pg.url);
    process.env.DATABASE_URL = pg.url;
    const { db, getPool } = await import("@/lib/db");
    const { hashToken } = await import("@/lib/services/internal");
    const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${crypto.randomBytes(3).toString("hex")}` } });
    const token = `twa_${crypto.randomBytes(24).toString("base64url")}`;
    const cluster = await db.cluster.create({ data: { orgId: org.id, name: "bench", server: "https://127.0.0.1:6443", auditTokenHash: hashToken(token) } });
    const ceilingCluster = await db.cluster.create({ data: { orgId: org.id, name: "bench-ceiling", server: "https://127.0.0.1:6443" } });

    if (needsBuild(ROOT)) {
      log("the production build is missing or older than the sources: running next build");
      execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { env: { ...env, NODE_ENV: "production" }, cwd: ROOT, stdio: "inherit" });
    }
    // The web server runs from a snapshot of the build, so that a rebuild in the tree cannot pull it away mid-run.
    const appDir = path.join(dir, "app");
    fs.mkdirSync(appDir);
    fs.cpSync(path.join(ROOT, ".next"), path.join(appDir, ".next"), { recursive: true, filter: (src) => !src.includes(`${path.sep}.next${path.sep}cache`) });
    for (const f of ["node_modules", "package.json", "next.config.ts", "tsconfig.json", "public"]) if (fs.existsSync(path.join(ROOT, f))) fs.symlinkSync(path.join(ROOT, f), path.join(appDir, f));
    const port = await freePort(3400);
    const secrets = { TOWER_AUTH_SECRET: "bench-secret-0123456789abcdef", NEXTAUTH_SECRET: "bench-secret-0123456789abcdef", NEXTAUTH_URL: `http://127.0.0.1:${port}`, TOWER_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64") };
    const web = spawn(process.execPath, [...PROFILE, ...webNodeFlags(), path.join(ROOT, "node_modules/next/dist/bin/next"), "start", appDir, "-p", String(port), "-H", "127.0.0.1"], { env: { ...env, ...secrets, NODE_ENV: "production" }, cwd: appDir, stdio: ["ignore", "ignore", "inherit"] });
    const worker = spawn(process.execPath, [...PROFILE, ...workerNodeFlags(Number(process.env.TOWER_WORKER_HEAP_MB ?? 768)), "--conditions", "react-server", "--import", "tsx", path.join(ROOT, "workers/main.ts")], { env: { ...env, ...secrets }, cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], detached: true }); // own session, as npm start runs it
    children.push(web, worker);
    const url = `http://127.0.0.1:${port}/api/v1/audit/ingest/${cluster.id}`;
    for (let i = 0; i < 200 && !(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 300));
    await post(url, token, batchBody("warmup", 0));

    // 1. Throughput: N events, closed loop on C connections.
    const batches = Math.ceil(N / BATCH);
    const latencies: number[] = [];
    let next = 0;
    let retries = 0;
    let accepted = 0;
    const cpu = () => ({ web: processTreeCpuMs(web.pid!), worker: processTreeCpuMs(worker.pid!), postgres: postgresCpuMs(path.join(dir, "pg")), bench: selfCpuMs(), machine: machineCpu().busyMs });
    const cpu0 = cpu();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: C }, async () => {
      for (let b = next++; b < batches; b = next++) {
        const r = await post(url, token, batchBody("run", b));
        latencies.push(r.ms);
        retries += r.attempts - 1;
        accepted += r.accepted;
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpu();
    const cpuSeconds = Object.fromEntries(Object.entries(cpu1).map(([k, v]) => [k, Number(((v - cpu0[k as keyof typeof cpu0]) / 1000).toFixed(1))]));
    const sent = batches * BATCH;
    const inDb = (await getPool().query<{ n: string }>("select count(*)::text as n from audit_events where cluster_id = $1 and audit_id like 'run-%'", [cluster.id])).rows[0].n;
    const rss = peakRssMiB(web.pid!);
    log(`webhook: ${sent} events in ${seconds.toFixed(1)} s`);

    // 2. Ceiling: the same rows, prepared beforehand, written directly (COPY + insert ... on conflict) on C connections.
    const { prepareBatch } = await import("@/lib/ingest/prepare-batch");
    const { writeBatch } = await import("@/lib/ingest/write-batch");
    let ceilingMs = 0;
    for (let start = 0; start < batches; start += 25) {
      const prepared = Array.from({ length: Math.min(25, batches - start) }, (_, k) => prepareBatch((JSON.parse(batchBody("run", start + k)) as { items: unknown[] }).items, { now: Date.now(), retentionDays: 90 }));
      const t = performance.now();
      let i = 0;
      await Promise.all(Array.from({ length: C }, async () => {
        for (let k = i++; k < prepared.length; k = i++) await writeBatch(ceilingCluster.id, prepared[k]);
      }));
      ceilingMs += performance.now() - t;
    }
    const ceiling = sent / (ceilingMs / 1000);
    log(`ceiling: ${sent} events in ${(ceilingMs / 1000).toFixed(1)} s`);

    // 3. Latency at a fixed offered 5,000 events/s (open loop: a batch every 80 ms whatever the answers).
    const fixed: Promise<number>[] = [];
    const fixedBatches = Math.round((Number(args["fixed-seconds"]) * 5000) / BATCH);
    const f0 = performance.now();
    for (let b = 0; b < fixedBatches; b++) {
      const due = f0 + b * 80;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      fixed.push(post(url, token, batchBody("fixed", b)).then((r) => r.ms));
    }
    const fixedLat = await Promise.all(fixed);

    // 4. How far the detection worker got while all this ran.
    const state = await getPool().query<{ cursor: string }>(`select "cursorSeq"::text as cursor from "AuditDetectionState" where "clusterId" = $1`, [cluster.id]);
    const detectDone = (await getPool().query<{ n: string }>("select count(*)::text as n from audit_events where cluster_id = $1 and seq <= $2", [cluster.id, state.rows[0]?.cursor ?? "0"])).rows[0].n;
    const totalForCluster = (await getPool().query<{ n: string }>("select count(*)::text as n from audit_events where cluster_id = $1", [cluster.id])).rows[0].n;

    const report = {
      events: sent,
      concurrency: C,
      eventsPerSecond: Math.round(sent / seconds),
      webhookLatencyMs: { p50: Math.round(pct(latencies, 50)), p99: Math.round(pct(latencies, 99)) },
      retries,
      acceptedReported: accepted,
      eventsInDatabase: Number(inDb),
      allStored: Number(inDb) === sent,
      webPeakRssMiB: Math.round(rss),
      cpuSecondsDuringThroughput: { ...cpuSeconds, wall: Number(seconds.toFixed(1)) },
      ceilingEventsPerSecond: Math.round(ceiling),
      ratioToCeiling: Number((sent / seconds / ceiling).toFixed(2)),
      fixed5000PerSecond: { batches: fixedBatches, p50: Math.round(pct(fixedLat, 50)), p99: Math.round(pct(fixedLat, 99)) },
      detection: { eventsAnalysed: Number(detectDone), eventsIngested: Number(totalForCluster) },
      machine: { cpus: os.cpus().length, node: process.version },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    await (await import("@/lib/db")).closePool();
    await (await import("@/lib/db")).disconnectDb();
  } finally {
    await cleanup();
  }
};

main().catch((err) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
