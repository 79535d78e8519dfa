import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { shippedMigrationCount } from "./migrations";

const ROOT = path.resolve(import.meta.dirname, "../..");

it("every migration applies to an empty database, and re-running is a no-op", async () => {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `empty_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: new URL("/postgres", base).toString() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const deploy = () => execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url.toString() }, encoding: "utf8" });
  expect(deploy()).toMatch(/successfully applied/);
  expect(deploy()).toMatch(/No pending migrations/);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const tables = (await client.query("select table_name from information_schema.tables where table_schema = 'public'")).rows.map((r) => r.table_name);
  const applied = (await client.query("select count(*)::int as n from _prisma_migrations where finished_at is not null")).rows[0].n;
  await client.end();
  expect(tables).toEqual(expect.arrayContaining(["Organization", "User", "Membership", "Invitation", "AuditLog", "WorkerHeartbeat", "Account", "Session"]));
  expect(applied).toBe(shippedMigrationCount(ROOT));
});

it("runs the embedded server with Tower's write settings", async () => {
  const { getPool } = await import("@/lib/db");
  const shown = async (name: string) => (await getPool().query(`show ${name}`)).rows[0][name];
  expect(await shown("max_wal_size")).toBe("4GB");
  expect(await shown("checkpoint_timeout")).toBe("15min");
});
