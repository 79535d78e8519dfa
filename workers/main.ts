import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { run } from "graphile-worker";
import { disconnectDb, getPool } from "@/lib/db";
import { lowerBackendPriority } from "@/lib/db/backend-priority";
import { env } from "@/lib/env";
import { recordHeartbeat } from "@/lib/services/system/record-heartbeat";
import { CRON_ITEMS, TASKS } from "./task-list";

const HEARTBEAT_MS = 15_000;

/** Linux: session id of this process, from /proc/self/stat (field 6, after the command in parentheses). */
const sessionId = () => Number(fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ")[3]);

/**
 * Background work yields the CPU to the web server. On Linux a nice value belongs to a thread (the garbage
 * collector's and libuv's threads, already started, keep the old one unless each is set), and the scheduler
 * first shares the CPU between sessions (autogroups), where PostgreSQL, in a session of its own, would get
 * as much as the web server and the workers together: a worker started in its own session (as `npm start`
 * does) lowers its whole group. Where /proc is not there, the main thread alone is lowered.
 */
const lowerCpuPriority = (nice: number) => {
  if (!fs.existsSync("/proc/self/task")) return os.setPriority(nice);
  for (const tid of fs.readdirSync("/proc/self/task").map(Number)) {
    try {
      os.setPriority(tid, nice);
    } catch {
      // a thread that ended meanwhile
    }
  }
  if (sessionId() !== process.pid || !fs.existsSync("/proc/self/autogroup")) return;
  try {
    fs.writeFileSync("/proc/self/autogroup", String(nice));
  } catch (err) {
    console.error(`[worker] cannot lower the priority of its session: ${err instanceof Error ? err.message : err}`);
  }
};

/** In a session of its own the worker gets no hang-up from the terminal: it stops when its parent is gone. */
const stopWithParent = (stop: (why: string) => void) => {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop("parent process gone"), 2000).unref();
};

// A worker process: runs queued and scheduled jobs from Postgres. Several can run against one database.
const main = async () => {
  const connectionString = env().DATABASE_URL;
  lowerCpuPriority(env().TOWER_WORKER_NICE);
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  lowerBackendPriority(getPool(), connectionString, env().TOWER_WORKER_NICE, (m) => console.error(`[worker] ${m}`));
  const identity = { id: `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`, hostname: os.hostname(), pid: process.pid, startedAt: new Date(), version: "0.1.0" };
  const runner = await run({ connectionString, concurrency: env().TOWER_WORKER_CONCURRENCY, taskList: TASKS, parsedCronItems: CRON_ITEMS, noHandleSignals: true, pollInterval: 1000 });
  const beat = () => recordHeartbeat(identity).catch((err) => console.error(`[worker] heartbeat failed: ${err instanceof Error ? err.message : err}`));
  await beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  console.log(`[worker] ${identity.id} ready (${Object.keys(TASKS).length} task types)`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing running jobs`);
    clearInterval(timer);
    await runner.stop();
    await disconnectDb();
    process.exit(0);
  };
  stopWithParent((why) => void stop(why));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  await runner.promise;
};

main().catch((err) => {
  console.error(`[worker] failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
