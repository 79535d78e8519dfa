import fs from "node:fs";
import path from "node:path";
import type { JobHelpers } from "graphile-worker";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, getPool } from "@/lib/db";
import { createOrg } from "@/lib/db/test/factories";
import { acceptAuditText } from "@/lib/ingest/accept-text";
import { createAuditCluster, makeEvent } from "@/lib/ingest/test/audit-events";
import { auditDetect } from "@/workers/tasks/audit.detect";
import { runAuditDetection } from "./run-audit-detection";

const FIXTURES = path.resolve(import.meta.dirname, "../../audit/detections");
const fixture = (p: string) => fs.readFileSync(path.join(FIXTURES, p), "utf8").trim().split("\n").map((l) => JSON.parse(l));

/** Fixture events moved to "now - ageMin", as another principal if asked, with fresh auditIDs per run. */
const scenario = (events: Record<string, unknown>[], opts: { ageMin: number; user?: string; tag: string }) => {
  const shift = Date.now() - opts.ageMin * 60_000 - Date.parse("2024-05-01T10:00:00Z");
  const move = (t: unknown) => (typeof t === "string" ? new Date(Date.parse(t) + shift).toISOString() : t);
  return events.map((e) => ({
    ...e,
    auditID: `${opts.tag}-${e.auditID}`,
    requestReceivedTimestamp: move(e.requestReceivedTimestamp),
    stageTimestamp: move(e.stageTimestamp),
    ...(opts.user ? { user: { ...(e.user as object), username: opts.user } } : {}),
  }));
};

const EXEC = fixture("execution/__fixtures__/exec-into-pod/fire/human-opens-shell.jsonl");
const BINDING = fixture("privilege-escalation/__fixtures__/privileged-role-binding/fire/cluster-admin-to-sa.jsonl");
const helpers = () => ({ logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() }, addJob: vi.fn() }) as unknown as JobHelpers;

let orgId: string;
let clusterId: string;
const ingest = (events: unknown[]) => acceptAuditText(clusterId, events.map((e) => JSON.stringify(e)).join("\n"));
const detections = () => db.auditDetection.findMany({ where: { clusterId }, orderBy: { detectionId: "asc" } });
const cursor = async () => Number((await db.auditDetectionState.findUnique({ where: { clusterId } }))?.cursorSeq ?? 0);

beforeAll(async () => {
  orgId = (await createOrg()).id;
  clusterId = (await createAuditCluster(orgId)).cluster.id;
});

describe("audit.detect", () => {
  it("turns a human's exec and a cluster-admin binding into detections and one incident", async () => {
    await ingest([...scenario(EXEC, { ageMin: 40, tag: "a" }), ...scenario(BINDING, { ageMin: 39, tag: "a" })]);
    await auditDetect({ clusterId }, helpers());
    const rows = await detections();
    expect(rows.map((d) => d.detectionId)).toEqual(expect.arrayContaining(["TWD-0020", "TWD-0035"]));
    expect(rows.every((d) => d.principal === "alice@example.com" && d.orgId === orgId)).toBe(true);
    const incidents = await db.incident.findMany({ where: { clusterId } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ principal: "alice@example.com", status: "open" });
    expect(rows.every((d) => d.incidentId === incidents[0].id)).toBe(true);
    const maxSeq = (await getPool().query("select max(seq)::text as m from audit_events where cluster_id = $1", [clusterId])).rows[0].m;
    expect(await cursor()).toBe(Number(maxSeq));
  });

  it("is idempotent: a second run adds nothing and keeps the cursor", async () => {
    const before = { n: (await detections()).length, cursor: await cursor() };
    await auditDetect({ clusterId }, helpers());
    expect((await detections()).length).toBe(before.n);
    expect(await cursor()).toBe(before.cursor);
    expect(await db.incident.count({ where: { clusterId } })).toBe(1);
  });

  it("extends the principal's open incident instead of opening another", async () => {
    await ingest(scenario(EXEC, { ageMin: 20, tag: "b" }));
    await auditDetect({ clusterId }, helpers());
    const incidents = await db.incident.findMany({ where: { clusterId }, include: { detections: true } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0].detections.length).toBe((await detections()).length);
    expect(incidents[0].lastSeen.getTime()).toBeGreaterThan(Date.now() - 21 * 60_000);
  });

  it("honours the allow-list", async () => {
    await db.auditAllowListEntry.create({ data: { orgId, principal: "ci-bot@*", reason: "break-glass automation" } });
    const before = (await detections()).length;
    await ingest([...scenario(EXEC, { ageMin: 10, tag: "c", user: "ci-bot@example.com" }), ...scenario(BINDING, { ageMin: 10, tag: "c", user: "ci-bot@example.com" })]);
    await auditDetect({ clusterId }, helpers());
    expect((await detections()).length).toBe(before);
    expect(await db.incident.count({ where: { clusterId, principal: "ci-bot@example.com" } })).toBe(0);
  });

  it("learns which detections the logged events cannot support", async () => {
    const { getAuditStatus } = await import("./get-audit-status");
    const owner = { user: { id: "u", email: "o@x.test", name: null }, org: { id: orgId, name: "o", slug: "o" }, role: "owner" as const, requestId: "t" };
    const status = await getAuditStatus({ ctx: owner, clusterId });
    // Pods arrive only at Metadata (the exec): detections that read pod specs from request bodies are blind.
    expect(status.detection.eventsAnalysed).toBeGreaterThan(0);
    expect(status.detectionsUnsupported.map((d) => d.detectionId)).toContain("TWD-0031");
    expect(status.detectionsUnsupported.find((d) => d.detectionId === "TWD-0031")?.reason).toMatch(/Metadata.*needs Request/);
    // No secrets events at all: not a blind spot, only unverified.
    expect(status.detectionsUnverified).toContain("TWD-0018");
    expect(status.eventsLast24h).toBeGreaterThan(0);
  });

  it("reads every event exactly once across chunks, also where seq gains a digit", async () => {
    const other = (await createAuditCluster(orgId)).cluster.id;
    // Put the next seq values just below a power of ten: ordering them as text would put 100 before 99.
    const last = Number((await getPool().query("select last_value::text as v from audit_events_seq_seq")).rows[0].v);
    await getPool().query("select setval('audit_events_seq_seq', $1)", [10 ** Math.ceil(Math.log10(last + 10)) - 5]);
    await acceptAuditText(other, Array.from({ length: 30 }, (_, i) => JSON.stringify(makeEvent(i))).join("\n"));
    const run = await runAuditDetection({ clusterId: other, orgId }, { chunk: 7 });
    expect(run).toMatchObject({ events: 30, caughtUp: true });
    const maxSeq = (await getPool().query("select max(seq)::text as m from audit_events where cluster_id = $1", [other])).rows[0].m;
    expect(run.cursor).toBe(Number(maxSeq));
  });
});
