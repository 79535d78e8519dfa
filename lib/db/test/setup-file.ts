import crypto from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

// Each test file gets a fresh database cloned from the migrated template (fast: a file copy in Postgres).
const template = new URL(inject("templateDatabaseUrl"));
const name = `t_${crypto.randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: new URL("/postgres", template).toString() });
await admin.connect();
await admin.query(`create database "${name}" template "tower_template"`);
await admin.end();

const url = new URL(template);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.TOWER_AUTH_SECRET ??= "integration-test-secret-0123456789";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.TOWER_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");

afterAll(async () => {
  const { disconnectDb } = await import("../client");
  const { closePool } = await import("../pool");
  await Promise.all([disconnectDb(), closePool()]);
});
