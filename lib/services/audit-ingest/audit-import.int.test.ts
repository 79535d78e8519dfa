import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/clusters/[clusterId]/audit/import/route";
import { getPool } from "@/lib/db";
import { callRoute } from "@/lib/db/test/call-route";
import { createMember, createOrg } from "@/lib/db/test/factories";
import { createAuditCluster, eventList, makeEvent } from "@/lib/ingest/test/audit-events";

const ROOT = path.resolve(import.meta.dirname, "../../..");
let cluster: { id: string; name: string };
let cookie: string;
const count = async () => (await getPool().query<{ n: number }>("select count(*)::int as n from audit_events where cluster_id = $1", [cluster.id])).rows[0].n;
const events = (n: number, from: number) => Array.from({ length: n }, (_, i) => makeEvent(from + i));

const upload = async (body: Buffer | string, headers: Record<string, string> = {}) => {
  const req = new NextRequest(new URL(`/api/v1/clusters/${cluster.id}/audit/import`, "http://localhost:3000"), {
    method: "POST",
    headers: { origin: "http://localhost:3000", host: "localhost:3000", cookie, "content-type": "application/octet-stream", ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  const res = await POST(req, { params: Promise.resolve({ clusterId: cluster.id }) });
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  const org = await createOrg();
  ({ cluster } = await createAuditCluster(org.id));
  ({ cookie } = await createMember(org.id, "analyst"));
});

describe("audit file import", () => {
  it("imports JSON lines with a bad line kept aside, and is idempotent", async () => {
    const lines = [...events(3000, 0).map((e) => JSON.stringify(e)), "{not json", JSON.stringify(makeEvent(5000))].join("\n");
    const first = await upload(lines);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toMatchObject({ accepted: 3001, duplicates: 0, rejected: 1 });
    expect(JSON.parse((await upload(lines)).text)).toMatchObject({ accepted: 0, duplicates: 3001, rejected: 1 });
    expect(await count()).toBe(3001);
  });

  it("imports a gzipped, pretty-printed EventList and streams progress as NDJSON", async () => {
    const body = zlib.gzipSync(JSON.stringify(eventList(events(4500, 10_000)), null, 2));
    const res = await upload(body, { accept: "application/x-ndjson" });
    const lines = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.progress).length).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1).result).toMatchObject({ accepted: 4500, rejected: 0 });
  });

  it("refuses a viewer", async () => {
    const viewer = await createMember((await getPool().query("select \"orgId\" from \"Cluster\" where id = $1", [cluster.id])).rows[0].orgId, "viewer");
    const res = await callRoute(POST as never, { method: "POST", path: "/x", params: { clusterId: cluster.id }, cookie: viewer.cookie, rawBody: JSON.stringify(makeEvent(1)) });
    expect(res.status).toBe(403);
  });

  it("tower audit import FILE --cluster NAME loads a gzip file with progress on stderr", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-import-"));
    const file = path.join(dir, "audit.jsonl.gz");
    fs.writeFileSync(file, zlib.gzipSync(events(2500, 20_000).map((e) => JSON.stringify(e)).join("\n")));
    const out = execFileSync(path.join(ROOT, "bin/tower"), ["audit", "import", file, "--cluster", cluster.name], { env: { ...process.env }, cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(JSON.parse(out)).toMatchObject({ accepted: 2500, rejected: 0 });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
