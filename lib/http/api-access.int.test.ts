import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/db/test/call-route";
import { createMember, createOrg, seedClusterData, seedIncidentData, seedReportData } from "@/lib/db/test/factories";
import { createInvitation } from "@/lib/services/invitations/create-invitation";

// Table-driven access tests over EVERY route under app/api/v1: a route missing from ROUTES fails the
// coverage test, so routes added later are covered by construction.
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Fixture = Awaited<ReturnType<typeof seedOrg>>;
type Call = (a: Fixture) => { params?: Record<string, string>; body?: unknown; query?: string };
type RouteSpec = { public?: boolean; methods: Partial<Record<Method, Call>> };

const ROUTES: Record<string, RouteSpec> = {
  "me": { methods: { GET: () => ({}) } },
  "org": { methods: { GET: () => ({}), PATCH: () => ({ body: { name: "Renamed by someone" } }) } },
  "members": { methods: { GET: () => ({}) } },
  "members/[memberId]": {
    methods: { PATCH: (a) => ({ params: { memberId: a.viewer.membership.id }, body: { role: "admin" } }), DELETE: (a) => ({ params: { memberId: a.viewer.membership.id } }) },
  },
  "invitations": { methods: { GET: () => ({}), POST: () => ({ body: { email: "new-person@example.test", role: "viewer" } }) } },
  "invitations/[invitationId]": { methods: { DELETE: (a) => ({ params: { invitationId: a.invitationId } }) } },
  "invitations/accept": { public: true, methods: { POST: () => ({ body: { token: "x".repeat(43), name: "n", password: "long-enough-password" } }) } },
  "setup": { public: true, methods: { POST: () => ({ body: { token: "x".repeat(43), orgName: "o", name: "n", email: "a@b.test", password: "long-enough-password" } }) } },
  "audit-log": { methods: { GET: () => ({}) } },
  "clusters": { methods: { GET: () => ({}), POST: () => ({ body: { manual: { name: "new-cluster", server: "https://127.0.0.1:1", token: "t".repeat(20) } } }) } },
  "clusters/kubeconfig": { methods: { POST: () => ({ body: { kubeconfig: "apiVersion: v1\nkind: Config\n" } }) } },
  "clusters/test-connection": { methods: { POST: () => ({ body: { server: "https://127.0.0.1:1", token: "t".repeat(20) } }) } },
  "clusters/reader-manifest": { methods: { GET: () => ({}) } },
  "clusters/[clusterId]": { methods: { GET: (a) => ({ params: { clusterId: a.clusterId } }), DELETE: (a) => ({ params: { clusterId: a.clusterId }, body: { confirmName: a.clusterName } }) } },
  "clusters/[clusterId]/scans": { methods: { POST: (a) => ({ params: { clusterId: a.clusterId } }) } },
  "findings": { methods: { GET: () => ({ query: "status=new,open" }) } },
  "findings/[findingId]": { methods: { GET: (a) => ({ params: { findingId: a.findingId } }) } },
  "suppressions": { methods: { GET: () => ({}), POST: (a) => ({ body: { findingId: a.findingId, scope: "rule", reason: "accepted by someone else" } }) } },
  "suppressions/[suppressionId]": { methods: { DELETE: (a) => ({ params: { suppressionId: a.suppressionId } }) } },
  "incidents": { methods: { GET: () => ({ query: "status=open,investigating" }) } },
  "incidents/[incidentId]": { methods: { GET: (a) => ({ params: { incidentId: a.incidentId } }), PATCH: (a) => ({ params: { incidentId: a.incidentId }, body: { status: "closed_false_positive", allowList: { scope: "org" } } }) } },
  "incidents/[incidentId]/export": { methods: { GET: (a) => ({ params: { incidentId: a.incidentId }, query: "format=csv" }) } },
  "investigations/principal": { methods: { GET: (a) => ({ query: `principal=${encodeURIComponent(a.principal)}&cluster=${a.clusterId}&range=7d` }) } },
  "investigations/resource": { methods: { GET: (a) => ({ query: `cluster=${a.clusterId}&namespace=shop&resource=pods&range=7d` }) } },
  "investigations/events/[auditId]": { methods: { GET: (a) => ({ params: { auditId: a.auditId }, query: `cluster=${a.clusterId}` }) } },
  "audit-allowlist": { methods: { GET: () => ({}), POST: (a) => ({ body: { principal: a.principal, detectionId: "TWD-0020", clusterId: a.clusterId, reason: "allowed by someone else" } }) } },
  "audit-allowlist/[entryId]": { methods: { DELETE: (a) => ({ params: { entryId: a.allowListEntryId } }) } },
  "audit/ingest/[clusterId]": { public: true, methods: { POST: (a) => ({ params: { clusterId: a.clusterId }, body: { kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [] } }) } },
  "audit/rejected": { methods: { GET: (a) => ({ query: `clusterId=${a.clusterId}` }) } },
  "clusters/[clusterId]/audit": { methods: { GET: (a) => ({ params: { clusterId: a.clusterId } }) } },
  "clusters/[clusterId]/audit/token": { methods: { POST: (a) => ({ params: { clusterId: a.clusterId } }) } },
  "clusters/[clusterId]/audit/import": { methods: { POST: (a) => ({ params: { clusterId: a.clusterId }, body: { kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [] } }) } },
  "system/health": { methods: { GET: () => ({}) } },
  "overview": { methods: { GET: () => ({ query: "range=90&framework=cis" }) } },
  "compliance/frameworks": { methods: { GET: () => ({}) } },
  "compliance/[framework]": { methods: { GET: (a) => ({ params: { framework: "cis" }, query: `cluster=${a.clusterId}` }) } },
  "compliance/[framework]/controls/[controlId]": { methods: { GET: (a) => ({ params: { framework: "cis", controlId: "5.2.2" }, query: `cluster=${a.clusterId}` }) } },
  "reports": { methods: { GET: () => ({}), POST: (a) => ({ body: { framework: "cis", format: "pdf", scope: { cluster: a.clusterId } } }) } },
  "reports/[reportId]": { methods: { GET: (a) => ({ params: { reportId: a.reportId } }) } },
  "reports/[reportId]/download": { methods: { GET: (a) => ({ params: { reportId: a.reportId } }) } },
  "report-schedules": { methods: { GET: () => ({}), POST: (a) => ({ body: { framework: "cis", format: "pdf", scope: { cluster: a.clusterId }, cadence: "weekly" } }) } },
  "report-schedules/[scheduleId]": { methods: { DELETE: (a) => ({ params: { scheduleId: a.scheduleId } }) } },
};

const API_DIR = path.join(import.meta.dirname, "../../app/api/v1");
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const routeFiles = (dir = API_DIR): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? routeFiles(path.join(dir, d.name)) : d.name === "route.ts" ? [path.relative(API_DIR, dir)] : []));

const loadRoute = async (route: string) => (await import(path.join(API_DIR, route, "route.ts"))) as Partial<Record<Method, Parameters<typeof callRoute>[0]>>;

const seedOrg = async () => {
  const org = await createOrg();
  const owner = await createMember(org.id, "owner");
  const admin = await createMember(org.id, "admin");
  const analyst = await createMember(org.id, "analyst");
  const viewer = await createMember(org.id, "viewer");
  const ctx = { user: { id: owner.user.id, email: owner.user.email, name: null }, org: { id: org.id, name: org.name, slug: org.slug }, role: "owner" as const, requestId: "seed" };
  const invitation = await createInvitation({ ctx, input: { email: `pending-${org.slug}@example.test`, role: "viewer" } });
  const { cluster, finding, suppression } = await seedClusterData(org.id);
  const incidentData = await seedIncidentData(org.id, cluster.id);
  const reportData = await seedReportData(org.id, owner.user.id);
  return { org, owner, admin, analyst, viewer, invitationId: invitation.id, clusterId: cluster.id, clusterName: cluster.name, findingId: finding.id, suppressionId: suppression.id,
    incidentId: incidentData.incident.id, principal: incidentData.principal, auditId: incidentData.auditIds.exec, allowListEntryId: incidentData.allowListEntry.id,
    reportId: reportData.report.id, scheduleId: reportData.schedule.id };
};

/** Everything of an org that a foreign caller could try to read or change. */
const stateOf = async (orgId: string) =>
  JSON.stringify(
    await db.organization.findUnique({
      where: { id: orgId },
      include: { memberships: { orderBy: { id: "asc" } }, invitations: { orderBy: { id: "asc" } }, clusters: { orderBy: { id: "asc" }, include: { scans: true } }, findings: { orderBy: { id: "asc" } }, suppressions: { orderBy: { id: "asc" } }, incidents: { orderBy: { id: "asc" } }, allowList: { orderBy: { id: "asc" } }, reports: { orderBy: { id: "asc" } }, reportSchedules: { orderBy: { id: "asc" } } },
    }),
  );

const cases = Object.entries(ROUTES).flatMap(([route, spec]) => Object.entries(spec.methods).map(([method, call]) => ({ route, method: method as Method, call: call!, isPublic: !!spec.public })));
const privateCases = cases.filter((c) => !c.isPublic);

let A: Fixture;
let B: Fixture;
beforeAll(async () => {
  A = await seedOrg();
  B = await seedOrg();
});

const call = async (c: (typeof cases)[number], cookie: string | undefined, target: Fixture) => {
  const handler = (await loadRoute(c.route))[c.method]!;
  const { params, body, query } = c.call(target);
  return callRoute(handler, { method: c.method, path: `/api/v1/${c.route}${query ? `?${query}` : ""}`, params, body, cookie });
};

describe("API access control (every route)", () => {
  it("ROUTES lists every route file and every exported method", async () => {
    const onDisk: string[] = [];
    for (const route of routeFiles()) {
      const mod = await loadRoute(route);
      for (const m of METHODS) if (typeof mod[m] === "function") onDisk.push(`${m} ${route}`);
    }
    expect(onDisk.sort()).toEqual(cases.map((c) => `${c.method} ${c.route}`).sort());
  });

  it.each(privateCases.map((c) => [`${c.method} ${c.route}`, c]))("%s refuses anonymous callers with 401", async (_n, c) => {
    const res = await call(c, undefined, A);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it.each(privateCases.map((c) => [`${c.method} ${c.route}`, c]))("%s: an owner of org B can neither read nor change org A", async (_n, c) => {
    const before = await stateOf(A.org.id);
    const res = await call(c, B.owner.cookie, A);
    expect(res.status).toBeLessThan(500);
    for (const secret of [A.org.id, A.org.name, A.owner.user.email, A.viewer.user.email, A.viewer.membership.id, A.invitationId, A.clusterId, A.clusterName, A.findingId, A.suppressionId]) expect(res.text).not.toContain(secret);
    expect(await stateOf(A.org.id)).toBe(before);
  });

  it.each(privateCases.filter((c) => c.method !== "GET").map((c) => [`${c.method} ${c.route}`, c]))("%s: a viewer cannot mutate (403)", async (_n, c) => {
    const before = await stateOf(A.org.id);
    const res = await call(c, A.viewer.cookie, A);
    expect(res.status).toBe(403);
    expect(await stateOf(A.org.id)).toBe(before);
  });

  it("an analyst cannot manage members, an admin can", async () => {
    const invite = privateCases.find((c) => c.route === "invitations" && c.method === "POST")!;
    expect((await call(invite, A.analyst.cookie, A)).status).toBe(403);
    expect((await call(invite, A.admin.cookie, A)).status).toBe(200);
  });

  it("an admin cannot promote anyone to owner", async () => {
    const patch = privateCases.find((c) => c.route === "members/[memberId]" && c.method === "PATCH")!;
    const handler = (await loadRoute(patch.route)).PATCH!;
    const res = await callRoute(handler, { method: "PATCH", path: "/x", params: { memberId: A.viewer.membership.id }, body: { role: "owner" }, cookie: A.admin.cookie });
    expect(res.status).toBe(403);
  });

  it("a removed member loses access at once, whatever their cookie says", async () => {
    const m = await createMember(A.org.id, "analyst");
    const me = cases.find((c) => c.route === "me")!;
    expect((await call(me, m.cookie, A)).status).toBe(200);
    await db.membership.delete({ where: { id: m.membership.id } });
    expect((await call(me, m.cookie, A)).status).toBe(401);
  });
});
