import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { TRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createMember, createOrg, seedClusterData, seedIncidentData } from "@/lib/db/test/factories";
import { exportIncidentEvents } from "./export-incident-events";
import { getIncident } from "./get-incident";
import { listIncidents } from "./list-incidents";
import { updateIncident } from "./update-incident";

const ctxOf = (org: { id: string; name: string; slug: string }, m: Awaited<ReturnType<typeof createMember>>, role: TRole): Ctx => ({
  user: { id: m.user.id, email: m.user.email, name: m.user.name }, org, role, requestId: "test",
});

const setup = async () => {
  const org = await createOrg();
  const [analyst, viewer] = [await createMember(org.id, "analyst"), await createMember(org.id, "viewer")];
  const { cluster, finding } = await seedClusterData(org.id);
  const seeded = await seedIncidentData(org.id, cluster.id);
  return { org, cluster, finding, seeded, analyst: ctxOf(org, analyst, "analyst"), viewer: ctxOf(org, viewer, "viewer") };
};

let A: Awaited<ReturnType<typeof setup>>;
let B: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  A = await setup();
  B = await setup();
});

describe("incidents: tenant isolation and roles", () => {
  it("lists only the caller's org's incidents, with filters", async () => {
    const page = await listIncidents({ ctx: A.viewer, input: {} });
    expect(page.items.map((i) => i.id)).toEqual([A.seeded.incident.id]);
    expect(page.items[0]).toMatchObject({ principal: A.seeded.principal, cluster: { id: A.cluster.id }, detections: 1, status: "open" });
    expect((await listIncidents({ ctx: A.viewer, input: { status: "closed_true_positive" } })).total).toBe(0);
    expect((await listIncidents({ ctx: A.viewer, input: { cluster: B.cluster.id } })).total).toBe(0);
    expect((await listIncidents({ ctx: A.viewer, input: { principal: A.seeded.principal.slice(0, 10) } })).total).toBe(1);
  });

  it("cannot see, change or export another org's incident", async () => {
    await expect(getIncident({ ctx: A.viewer, incidentId: B.seeded.incident.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateIncident({ ctx: A.analyst, incidentId: B.seeded.incident.id, input: { status: "investigating" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(exportIncidentEvents({ ctx: A.viewer, incidentId: B.seeded.incident.id, input: { format: "csv" } })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.incident.findUniqueOrThrow({ where: { id: B.seeded.incident.id } })).status).toBe("open");
  });

  it("rejects a viewer updating an incident, and an assignee from another org", async () => {
    await expect(updateIncident({ ctx: A.viewer, incidentId: A.seeded.incident.id, input: { status: "investigating" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateIncident({ ctx: A.analyst, incidentId: A.seeded.incident.id, input: { assigneeId: B.viewer.user.id } })).rejects.toMatchObject({ code: "validation" });
  });
});

describe("getIncident", () => {
  it("buckets the principal's requests per minute over the window, with the detection marker", async () => {
    const d = await getIncident({ ctx: A.viewer, incidentId: A.seeded.incident.id });
    expect(d.timeline.bucketSeconds).toBe(60);
    const t0 = A.seeded.t0.getTime();
    const at = (min: number) => d.timeline.points.find((p) => p.t === t0 + min * 60_000);
    // Minute 0: list; minute 1: exec (two stages, one request) and the secret read; minute 2: patch; minute 3: binding and the denied delete.
    expect([0, 1, 2, 3].map((m) => at(m)?.events)).toEqual([1, 2, 1, 2]);
    expect(at(3)?.denied).toBe(1);
    expect(d.timeline.points.reduce((n, p) => n + p.events, 0)).toBe(6);
    expect(d.markers).toEqual([expect.objectContaining({ label: "D1", t: t0 + 60_000, severity: "medium" })]);
  });

  it("tells the story in order, lists IPs and agents, and links touched objects to their findings", async () => {
    const d = await getIncident({ ctx: A.viewer, incidentId: A.seeded.incident.id });
    const ids = A.seeded.auditIds;
    const story = d.story.map((s) => (s.kind === "detection" ? `D:${s.detection.detectionId}` : s.event.auditId));
    expect(story).toEqual([ids.exec, "D:TWD-0020", ids.patch, ids.binding, ids.denied]);
    expect(d.story.find((s) => s.kind === "event" && s.event.auditId === ids.exec)).toMatchObject({ detectionIds: [A.seeded.detection.id], event: { stage: "ResponseComplete" } });
    expect(d.detectionList[0]).toMatchObject({ detectionId: "TWD-0020", tactic: "execution" });
    expect(d.sourceIps).toEqual([expect.objectContaining({ value: "203.0.113.7", events: 6 })]);
    expect(d.userAgents.map((u) => u.value)).toEqual(["kubectl/v1.31.0"]);
    const deploy = d.touched.find((t) => t.resource === "deployments")!;
    expect(deploy).toMatchObject({ kind: "Deployment", namespace: "shop", verbs: ["patch"], findings: [{ id: A.finding.id }] });
    expect(d.touched.find((t) => t.resource === "pods" && t.name === A.seeded.pod)?.verbs).toEqual(["create exec"]);
    expect(d.assignees.map((p) => p.id)).toContain(A.analyst.user.id);
    expect(JSON.stringify(d)).not.toContain(B.cluster.id);
  });
});

describe("updateIncident", () => {
  it("closing as a false positive allow-lists the principal for the detection and records both in the audit trail", async () => {
    const s = await seedIncidentData(A.org.id, A.cluster.id);
    const res = await updateIncident({ ctx: A.analyst, incidentId: s.incident.id, input: { status: "closed_false_positive", assigneeId: A.analyst.user.id, closeReason: "Break-glass drill", allowList: { scope: "cluster" } } });
    expect(res).toMatchObject({ status: "closed_false_positive", allowListed: 1, assignee: { id: A.analyst.user.id }, closeReason: "Break-glass drill" });
    expect(res.closedAt).not.toBeNull();
    const entries = await db.auditAllowListEntry.findMany({ where: { orgId: A.org.id, principal: s.principal } });
    expect(entries).toEqual([expect.objectContaining({ detectionId: "TWD-0020", clusterId: A.cluster.id, reason: "Break-glass drill", createdById: A.analyst.user.id })]);
    const trail = await db.auditLog.findMany({ where: { orgId: A.org.id, OR: [{ targetId: s.incident.id }, { targetId: entries[0].id }] }, orderBy: { createdAt: "asc" } });
    expect(trail.map((t) => t.action).sort()).toEqual(["allowlist.create", "incident.update"]);
    expect(trail.find((t) => t.action === "incident.update")?.after).toMatchObject({ status: "closed_false_positive" });
    // Reopening clears closedAt; closing again does not duplicate the entry.
    expect((await updateIncident({ ctx: A.analyst, incidentId: s.incident.id, input: { status: "investigating" } })).closedAt).toBeNull();
    expect((await updateIncident({ ctx: A.analyst, incidentId: s.incident.id, input: { status: "closed_false_positive", allowList: { scope: "cluster" } } })).allowListed).toBe(0);
  });

  it("refuses an allow-list without a false-positive close", async () => {
    await expect(updateIncident({ ctx: A.analyst, incidentId: A.seeded.incident.id, input: { status: "investigating", allowList: { scope: "org" } } })).rejects.toThrow();
  });
});

describe("exportIncidentEvents", () => {
  it("exports CSV that parses, one row per stored stage in time order, and audits the export", async () => {
    const res = await exportIncidentEvents({ ctx: A.viewer, incidentId: A.seeded.incident.id, input: { format: "csv" } });
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(`incident-${A.seeded.incident.id}.csv`);
    const records = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => r.audit_id)).toEqual([A.seeded.auditIds.list, A.seeded.auditIds.exec, A.seeded.auditIds.exec, A.seeded.auditIds.secret, A.seeded.auditIds.patch, A.seeded.auditIds.binding, A.seeded.auditIds.denied]);
    expect(records[1]).toMatchObject({ verb: "create", subresource: "exec", namespace: "shop", username: A.seeded.principal, code: "101", source_ip: "203.0.113.7" });
    expect(new Date(records[0].ts).getTime()).toBe(A.seeded.t0.getTime() + 10_000);
    expect(await db.auditLog.count({ where: { orgId: A.org.id, action: "incident.export", targetId: A.seeded.incident.id } })).toBeGreaterThan(0);
  });

  it("exports JSON lines carrying the raw events", async () => {
    const res = await exportIncidentEvents({ ctx: A.viewer, incidentId: A.seeded.incident.id, input: { format: "jsonl" } });
    const lines = (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatchObject({ kind: "Event", auditID: A.seeded.auditIds.exec, stage: "ResponseStarted", user: { username: A.seeded.principal } });
  });
});
