import crypto from "node:crypto";
import os from "node:os";
import { run } from "graphile-worker";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { recordHeartbeat } from "@/lib/services/system/record-heartbeat";
import { CRON_ITEMS, TASKS } from "./task-list";

const HEARTBEAT_MS = 15_000;

// A worker process: runs queued and scheduled jobs from Postgres. Several can run against one database.
const main = async () => {
  const connectionString = env().DATABASE_URL;
  os.setPriority(env().TOWER_WORKER_NICE);
  if (!connectionString) throw new Error("DATABASE_URL is not set");
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
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  await runner.promise;
};

main().catch((err) => {
  console.error(`[worker] failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
