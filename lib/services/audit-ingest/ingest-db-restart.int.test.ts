import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/audit/ingest/[clusterId]/route";
import { getPool } from "@/lib/db";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/lib/db/embedded";
import { migrateQueue } from "@/lib/db/queue-schema";
import { createOrg } from "@/lib/db/test/factories";
import { isPortFree } from "@/lib/launcher/ports";
import { createAuditCluster, eventList, makeEvent, webhookRequest } from "@/lib/ingest/test/audit-events";

// This file runs on its own PostgreSQL, which it stops and starts between batches.
const ROOT = path.resolve(import.meta.dirname, "../../..");
let pg: EmbeddedDb;
let dir: string;
let clusterId: string;
let token: string;

const send = async (items: unknown[]) => {
  const res = await POST(webhookRequest(clusterId, eventList(items), { token }), { params: Promise.resolve({ clusterId }) });
  return { status: res.status, json: JSON.parse((await res.text()) || "null") };
};
const batch = (from: number) => Array.from({ length: 400 }, (_, i) => makeEvent(from + i));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-restart-"));
  fs.chmodSync(dir, 0o777);
  let port = 0;
  for (let p = 56100 + Math.floor(Math.random() * 500); !port; p += 3) if (await isPortFree(p, "127.0.0.1")) port = p;
  pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, password: "restart-test" });
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: pg.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, cwd: ROOT, stdio: "pipe" });
  await migrateQueue(pg.url);
  process.env.DATABASE_URL = pg.url;
  ({ cluster: { id: clusterId }, token } = await createAuditCluster((await createOrg()).id));
});

afterAll(async () => {
  await pg?.stop().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("webhook ingest across a database restart", () => {
  it("fails loudly while the database is down, then a retried batch lands exactly once", async () => {
    const first = batch(0);
    const second = batch(1000);
    expect((await send(first)).json).toMatchObject({ accepted: 400 });

    await pg.stop();
    const during = await send(second);
    expect(during.status).toBeGreaterThanOrEqual(500);

    await pg.instance.start();
    // The API server retries with back-off; the first attempts may meet connections that died with the server.
    let landed: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < 20 && landed?.status !== 200; i++) {
      landed = await send(second);
      if (landed.status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(landed?.status).toBe(200);
    expect((await send(second)).json).toEqual({ accepted: 0, duplicates: 400, rejected: 0 });

    const rows = (await getPool().query<{ audit_id: string }>("select audit_id from audit_events where cluster_id = $1", [clusterId])).rows.map((r) => r.audit_id).sort();
    expect(rows).toEqual([...first, ...second].map((e) => e.auditID).sort());
  });
});
