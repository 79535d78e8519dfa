import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/audit/ingest/[clusterId]/route";
import { db, getPool } from "@/lib/db";
import { createOrg } from "@/lib/db/test/factories";
import { resetEnvCache } from "@/lib/env";
import { createAuditCluster, eventList, makeEvent, webhookRequest } from "@/lib/ingest/test/audit-events";

let clusterId: string;
let token: string;
const send = async (body: unknown, opts: Parameters<typeof webhookRequest>[2] = {}) => {
  const res = await POST(webhookRequest(clusterId, body, { token, ...opts }), { params: Promise.resolve({ clusterId }) });
  return { status: res.status, json: JSON.parse((await res.text()) || "null"), headers: res.headers };
};
const stored = async () => (await getPool().query<{ audit_id: string; stage: string }>("select audit_id, stage from audit_events where cluster_id = $1", [clusterId])).rows;
const batch = (n: number, from = 0) => Array.from({ length: n }, (_, i) => makeEvent(from + i));

beforeAll(async () => {
  const org = await createOrg();
  ({ cluster: { id: clusterId }, token } = await createAuditCluster(org.id));
});
afterEach(() => {
  delete process.env.TOWER_AUDIT_MAX_BATCH_BYTES;
  delete process.env.TOWER_AUDIT_MAX_INFLIGHT;
  resetEnvCache();
});

describe("POST /api/v1/audit/ingest/:clusterId", () => {
  it("stores an EventList of 400 and acknowledges after commit; a retry adds nothing", async () => {
    const items = batch(400);
    const before = (await stored()).length;
    expect(await send(eventList(items))).toMatchObject({ status: 200, json: { accepted: 400, duplicates: 0, rejected: 0 } });
    expect((await stored()).length).toBe(before + 400);
    expect(await send(eventList(items))).toMatchObject({ status: 200, json: { accepted: 0, duplicates: 400, rejected: 0 } });
    expect((await stored()).length).toBe(before + 400);
    const job = await getPool().query("select 1 from graphile_worker.jobs where key = $1", [`audit.detect:${clusterId}`]);
    expect(job.rowCount).toBe(1);
  });

  it("stores every column and the event's own text as sent, pretty-printed or not, fresh or in a half-retried batch", async () => {
    const ts = new Date(Date.now() - 3_600_000);
    const odd = { ...makeEvent(3, { auditID: "cols-1", ts }), user: { username: "ümlaut\u0000user\t€", groups: [] }, userAgent: "a\\b\nc", sourceIPs: ["10.1.1.1", "192.0.2.7"] };
    const bare = { kind: "Event", apiVersion: "audit.k8s.io/v1", auditID: "cols-2", level: "Metadata", stage: "ResponseStarted", verb: "get", requestURI: "/healthz", stageTimestamp: ts.toISOString() };
    const body = JSON.stringify(eventList([odd]), null, "\t");
    expect((await POST(webhookRequest(clusterId, null, { token, raw: body }), { params: Promise.resolve({ clusterId }) })).status).toBe(200);
    // The second batch repeats the first event: it takes the path that stages rows and inserts only new ones.
    expect((await send(eventList([odd, bare]))).json).toEqual({ accepted: 1, duplicates: 1, rejected: 0 });
    const rows = (await getPool().query("select audit_id, stage, ts, verb, username, source_ip, user_agent, resource, subresource, namespace, name, api_group, code, decision, raw::text as raw from audit_events where cluster_id = $1 and audit_id like 'cols-%' order by audit_id", [clusterId])).rows;
    expect(rows).toEqual([
      { audit_id: "cols-1", stage: "ResponseComplete", ts, verb: odd.verb, username: "ümlautuser\t€", source_ip: "192.0.2.7", user_agent: "a\\b\nc", resource: odd.objectRef.resource, subresource: null, namespace: odd.objectRef.namespace, name: odd.objectRef.name, api_group: null, code: 200, decision: "allow", raw: expect.any(String) },
      { audit_id: "cols-2", stage: "ResponseStarted", ts, verb: "get", username: "", source_ip: null, user_agent: null, resource: null, subresource: null, namespace: null, name: null, api_group: null, code: null, decision: null, raw: JSON.stringify(bare) },
    ]);
    // Stored as received, whitespace included, and still the same event.
    expect(body).toContain(rows[0].raw);
    expect(JSON.parse(rows[0].raw)).toEqual(odd);
  });

  it("leaves a pending detection job alone, and gives a running or exhausted one a successor", async () => {
    const { cluster, token: t2 } = await createAuditCluster((await createOrg()).id);
    const key = `audit.detect:${cluster.id}`;
    const post = async (from: number) => expect((await POST(webhookRequest(cluster.id, eventList(batch(5, from)), { token: t2 }), { params: Promise.resolve({ clusterId: cluster.id }) })).status).toBe(200);
    const job = async () => (await getPool().query<{ id: string; updated_at: Date }>("select id::text, updated_at from graphile_worker.jobs where key = $1", [key])).rows[0];
    await post(40_000);
    const first = await job();
    expect(first).toBeDefined();
    await post(40_010);
    expect(await job()).toEqual(first);
    // A worker picked it up: its horizon may already be behind the next batch, which needs a job of its own.
    await getPool().query("update graphile_worker._private_jobs set locked_at = now(), locked_by = 'test' where id = $1", [first.id]);
    await post(40_020);
    const successor = await job();
    expect(successor.id).not.toBe(first.id);
    await getPool().query("update graphile_worker._private_jobs set attempts = max_attempts where id = $1", [successor.id]);
    await post(40_030);
    expect((await job()).id).not.toBe(successor.id);
  });

  it("keeps both stages of one request (auditIDs repeat across stages)", async () => {
    const ts = new Date();
    const started = makeEvent(1, { auditID: "same-id-1", stage: "ResponseStarted", ts });
    const complete = makeEvent(1, { auditID: "same-id-1", stage: "ResponseComplete", ts });
    expect((await send(eventList([started, complete]))).json).toEqual({ accepted: 2, duplicates: 0, rejected: 0 });
    expect((await stored()).filter((r) => r.audit_id === "same-id-1").map((r) => r.stage).sort()).toEqual(["ResponseComplete", "ResponseStarted"]);
  });

  it("loses nothing and duplicates nothing under concurrent batches and retries", async () => {
    const batches = Array.from({ length: 8 }, (_, b) => batch(400, 10_000 + b * 400));
    const results = await Promise.all([...batches, ...batches.slice(0, 4)].map((items) => send(eventList(items))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.reduce((s, r) => s + r.json.accepted, 0)).toBe(3200);
    expect(results.reduce((s, r) => s + r.json.duplicates, 0)).toBe(1600);
    const ids = new Set((await stored()).map((r) => `${r.audit_id}/${r.stage}`));
    for (const e of batches.flat()) expect(ids.has(`${e.auditID}/${e.stage}`)).toBe(true);
    const counts = await getPool().query("select count(*)::int as n, count(distinct (audit_id, stage))::int as d from audit_events where cluster_id = $1", [clusterId]);
    expect(counts.rows[0].n).toBe(counts.rows[0].d);
  });

  it("stores the good events of a batch and keeps the malformed ones aside", async () => {
    const items: unknown[] = batch(398, 20_000);
    items.splice(10, 0, { kind: "Event", auditID: "no-verb", requestURI: "/api/v1/pods" });
    items.splice(200, 0, "not an event at all");
    const res = await send(eventList(items));
    expect(res.json).toEqual({ accepted: 398, duplicates: 0, rejected: 2 });
    const rejected = await db.auditRejectedEvent.findMany({ where: { clusterId } });
    expect(rejected.map((r) => r.raw).sort()).toEqual(expect.arrayContaining(['"not an event at all"', expect.stringContaining("no-verb")]));
    expect(rejected.every((r) => r.reason.length > 0)).toBe(true);
  });

  it("accepts gzip bodies", async () => {
    expect((await send(eventList(batch(50, 30_000)), { gzip: true })).json).toEqual({ accepted: 50, duplicates: 0, rejected: 0 });
  });

  it("refuses a missing or wrong token with 401 and stores nothing", async () => {
    const before = (await stored()).length;
    expect((await send(eventList(batch(5, 40_000)), { token: "" })).status).toBe(401);
    expect((await send(eventList(batch(5, 40_000)), { token: "twa_wrong" })).status).toBe(401);
    const other = await createAuditCluster((await createOrg()).id);
    expect((await send(eventList(batch(5, 40_000)), { token: other.token })).status).toBe(401);
    expect((await stored()).length).toBe(before);
  });

  it("refuses an oversized body with 413, compressed or not", async () => {
    process.env.TOWER_AUDIT_MAX_BATCH_BYTES = "100000";
    resetEnvCache();
    expect((await send(eventList(batch(400, 50_000)))).status).toBe(413);
    expect((await send(eventList(batch(400, 50_000)), { gzip: true })).status).toBe(413);
  });

  it("answers 429 with Retry-After when too many batches are in flight", async () => {
    process.env.TOWER_AUDIT_MAX_INFLIGHT = "1";
    resetEnvCache();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new ReadableStream<Uint8Array>({
      start: async (c) => {
        c.enqueue(new TextEncoder().encode(JSON.stringify(eventList(batch(3, 60_000)))));
        await gate;
        c.close();
      },
    });
    const first = send(null, { raw: slow });
    await new Promise((r) => setTimeout(r, 50));
    const second = await send(eventList(batch(3, 61_000)));
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    release();
    expect((await first).status).toBe(200);
  });

  it("stores a batch that half repeats earlier events and repeats itself exactly once per event", async () => {
    const old = batch(50, 5000);
    await send(eventList(old));
    const fresh = batch(50, 6000);
    const before = (await stored()).length;
    const res = await send(eventList([...old.slice(25), ...fresh, fresh[0], fresh[1]]));
    expect(res.json).toEqual({ accepted: 50, duplicates: 27, rejected: 0 });
    const rows = await stored();
    expect(rows.length).toBe(before + 50);
    expect(new Set(rows.map((r) => `${r.audit_id} ${r.stage}`)).size).toBe(rows.length);
  });

  it("rolls up the new events per hour and verb", async () => {
    const r = await db.auditRollupHourly.aggregate({ where: { clusterId }, _sum: { events: true } });
    expect(r._sum.events).toBe((await stored()).length);
  });
});
