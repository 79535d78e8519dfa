import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../embedded";
import { migrateQueue } from "../queue-schema";
import { isPortFree } from "../../launcher/ports";

const ROOT = path.resolve(import.meta.dirname, "../../..");

const freePort = async () => {
  for (let port = 55500 + Math.floor(Math.random() * 400); port < 65000; port += 7) if (await isPortFree(port, "127.0.0.1")) return port;
  throw new Error("no free port for the test PostgreSQL");
};

/** One real PostgreSQL for the run, with a template database that has every migration applied. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-pg-"));
  fs.chmodSync(dir, 0o777);
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), password: "tower-test", database: "tower_template" });
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: db.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, cwd: ROOT, stdio: "pipe" });
  await migrateQueue(db.url);
  project.provide("templateDatabaseUrl", db.url);
  return async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}
