import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as downloadRoute } from "@/app/api/v1/reports/[reportId]/download/route";
import { POST as requestRoute } from "@/app/api/v1/reports/route";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/db/test/call-route";
import { createMember, createOrg, ctxFor, seedClusterData } from "@/lib/db/test/factories";
import { RULES } from "@/lib/scanner/rules";
import { downloadReport } from "./download-report";
import { renderReport } from "./render-report";
import { requestReport } from "./request-report";

// Report requests, the render job, storage with SHA-256, downloads, audit entries and tenant isolation.
type Member = Awaited<ReturnType<typeof createMember>>;
let org: Awaited<ReturnType<typeof createOrg>>;
let analyst: Member;
let viewer: Member;
let clusterId: string;

beforeAll(async () => {
  org = await createOrg();
  analyst = await createMember(org.id, "analyst");
  viewer = await createMember(org.id, "viewer");
  const { cluster } = await seedClusterData(org.id);
  clusterId = cluster.id;
  await db.scanRun.create({ data: { orgId: org.id, clusterId, status: "succeeded", finishedAt: new Date(), rulesRun: RULES.map((r) => r.id), coverage: [] } });
  await db.cluster.update({ where: { id: clusterId }, data: { status: "ok", lastScanAt: new Date(), lastGoodScanAt: new Date() } });
});

const pdfText = (pdf: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tower-report-")), "r.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};

describe("compliance reports", () => {
  it("queues a report and its job together, renders a PDF and stores it with its SHA-256", async () => {
    const queued = await requestReport({ ctx: ctxFor(org, analyst), input: { framework: "cis", format: "pdf", scope: { cluster: clusterId } } });
    expect(queued).toMatchObject({ status: "queued", kind: "compliance", framework: "cis", format: "pdf", requestedBy: { email: analyst.user.email } });
    const jobs = await db.$queryRaw<Array<{ payload: { reportId: string } }>>`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'report.render'`;
    expect(jobs.map((j) => j.payload.reportId)).toContain(queued.id);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "report.request", targetId: queued.id, actorId: analyst.user.id } })).toBe(1);

    const result = await renderReport({ reportId: queued.id });
    expect(result).toMatchObject({ reportId: queued.id });
    const row = await db.report.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: "succeeded", progress: { phase: "done", percent: 100 }, contentType: "application/pdf" });
    const content = Buffer.from(row.content!);
    expect(content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(row.sizeBytes).toBe(content.length);
    expect(row.sha256).toBe(crypto.createHash("sha256").update(content).digest("hex"));
    const text = pdfText(content);
    expect(text).toContain(`Score ${(result as unknown as { score: number }).score.toFixed(1)}`);
    expect(text).toContain("5.2.2");
  });

  it("downloads with Content-Disposition and the SHA-256 header, and audits the download", async () => {
    const report = await requestReport({ ctx: ctxFor(org, analyst), input: { framework: "nsa", format: "csv" } });
    await renderReport({ reportId: report.id });
    const res = await callRoute(downloadRoute, { method: "GET", path: `/api/v1/reports/${report.id}/download`, params: { reportId: report.id }, cookie: viewer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="tower-nsa-1\.2-fleet-\d{4}-\d\d-\d\d\.csv"/);
    expect(res.headers.get("x-content-sha256")).toBe(crypto.createHash("sha256").update(res.text).digest("hex"));
    expect(res.text.split("\r\n")[0]).toMatch(/^framework,control_id,/);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "report.download", targetId: report.id, actorId: viewer.user.id } })).toBe(1);
  });

  it("another org's report cannot be downloaded, and a report still rendering cannot either", async () => {
    const report = await requestReport({ ctx: ctxFor(org, analyst), input: { framework: "pss", format: "json" } });
    const other = await createOrg();
    const outsider = await createMember(other.id, "owner");
    await expect(downloadReport({ ctx: ctxFor(other, outsider), reportId: report.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await callRoute(downloadRoute, { method: "GET", path: "/x", params: { reportId: report.id }, cookie: analyst.cookie })).status).toBe(409);
    await renderReport({ reportId: report.id });
    const res = await callRoute(downloadRoute, { method: "GET", path: "/x", params: { reportId: report.id }, cookie: outsider.cookie });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(org.id);
  });

  it("a viewer cannot request reports; a cluster of another org is not found", async () => {
    const res = await callRoute(requestRoute, { method: "POST", path: "/api/v1/reports", cookie: viewer.cookie, body: { framework: "cis", format: "pdf" } });
    expect(res.status).toBe(403);
    await expect(requestReport({ ctx: ctxFor(org, viewer), input: { framework: "cis", format: "pdf" } })).rejects.toMatchObject({ code: "forbidden" });
    const other = await createOrg();
    const { cluster } = await seedClusterData(other.id);
    await expect(requestReport({ ctx: ctxFor(org, analyst), input: { framework: "cis", format: "pdf", scope: { cluster: cluster.id } } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("records a failure on the report instead of throwing", async () => {
    const report = await requestReport({ ctx: ctxFor(org, analyst), input: { framework: "cis", format: "json", scope: { cluster: clusterId } } });
    await db.report.update({ where: { id: report.id }, data: { scope: { cluster: "gone" } } });
    await renderReport({ reportId: report.id });
    expect(await db.report.findUniqueOrThrow({ where: { id: report.id }, select: { status: true, error: true } })).toEqual({ status: "failed", error: "Cluster not found" });
  });
});

describe("findings exports", () => {
  it.each([
    ["csv", (t: string) => expect(t.split("\r\n")[0]).toMatch(/^id,cluster,severity,/)],
    ["json", (t: string) => expect(JSON.parse(t)).toMatchObject({ total: 1, findings: [{ ruleId: "TWR-0101", severity: "critical" }] })],
    ["sarif", (t: string) => expect(JSON.parse(t)).toMatchObject({ version: "2.1.0", runs: [{ results: [{ ruleId: "TWR-0101", level: "error" }] }] })],
  ] as const)("%s of the current findings with filters", async (format, check) => {
    const report = await requestReport({ ctx: ctxFor(org, analyst), input: { kind: "findings", format, filters: { severity: ["critical"], cluster: [clusterId] } } });
    await renderReport({ reportId: report.id });
    const row = await db.report.findUniqueOrThrow({ where: { id: report.id } });
    expect(row.status).toBe("succeeded");
    check(Buffer.from(row.content!).toString("utf8"));
  });
});
