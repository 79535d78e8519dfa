import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import type { TRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

const uniq = () => crypto.randomBytes(4).toString("hex");

export const createOrg = async (name = `Org ${uniq()}`) => db.organization.create({ data: { name, slug: `org-${uniq()}` } });

/** A user who is a member of `orgId` with `role`, plus a valid session cookie for API calls. */
export const createMember = async (orgId: string, role: TRole, opts: { password?: string; email?: string } = {}) => {
  const email = opts.email ?? `${role}-${uniq()}@example.test`;
  const user = await db.user.create({ data: { email, name: `${role} user`, passwordHash: opts.password ? await hashPassword(opts.password) : null } });
  const membership = await db.membership.create({ data: { orgId, userId: user.id, role } });
  return { user, membership, cookie: await sessionCookie(user.id, orgId) };
};

export const sessionCookie = async (uid: string, orgId: string) => {
  const token = await encode({ token: { sub: uid, uid, orgId }, secret: process.env.TOWER_AUTH_SECRET! });
  return `next-auth.session-token=${token}`;
};

/** A cluster (credential sealed with the test key), one finding on it and one suppression, all in `orgId`. */
export const seedClusterData = async (orgId: string) => {
  const { sealKubeconfig } = await import("@/lib/clusters/vault");
  const name = `cluster-${uniq()}`;
  const cluster = await db.cluster.create({ data: { orgId, name, server: "https://127.0.0.1:6443", credential: { create: sealKubeconfig("apiVersion: v1\nkind: Config\n") } } });
  const finding = await db.finding.create({
    data: { orgId, clusterId: cluster.id, fingerprint: uniq(), ruleId: "TWR-0101", ruleName: "privileged-container", title: "Privileged container", severity: "critical", theme: "pod-hardening", message: `Container 'x' of Deployment '${name}-web' sets securityContext.privileged=true`, apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: `${name}-web`, evidence: [], remediation: "r", lastScanId: "s" },
  });
  const suppression = await db.suppression.create({ data: { orgId, scope: "rule", clusterId: cluster.id, ruleId: "TWR-0999", reason: `seeded ${name}` } });
  return { cluster, finding, suppression };
};

/** A service-layer context for a member, as withApi would build it. */
export const ctxFor = (org: { id: string; name: string; slug: string }, m: { user: { id: string; email: string; name: string | null }; membership: { role: TRole } }) => ({
  user: { id: m.user.id, email: m.user.email, name: m.user.name },
  org: { id: org.id, name: org.name, slug: org.slug },
  role: m.membership.role,
  requestId: "test",
});

/**
 * An incident of `clusterId` with one exec detection, and the principal's audit_events around it (raw SQL,
 * as ingest writes them): an old "list pods" 3 hours earlier, then, from t0 (a whole minute 30 minutes
 * ago): list pods, exec into a pod (two stages), read a secret, patch the Deployment that seedClusterData
 * gave a finding, a cluster-admin binding, and a denied delete. Plus one allow-list entry (CI service accounts).
 */
export const seedIncidentData = async (orgId: string, clusterId: string, opts: { principal?: string } = {}) => {
  const { getPool } = await import("@/lib/db");
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
  const principal = opts.principal ?? `mallory-${uniq()}@corp.test`;
  const t0 = new Date(Math.floor((Date.now() - 30 * 60_000) / 60_000) * 60_000);
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const id = (n: string) => `${n}-${uniq()}`;
  const ids = { old: id("old"), list: id("list"), exec: id("exec"), secret: id("secret"), patch: id("patch"), binding: id("binding"), denied: id("denied") };
  const pod = `${cluster.name}-web-7d9f-abcde`;
  // ts is the request's time (requestReceivedTimestamp), the same in all its stages, as ingest stores it; a
  // long-running request's later stage comes `late` ms after.
  type Row = [string, string, Date, string, string | null, string | null, string | null, number | null, string | null, late?: number];
  const rows: Row[] = [
    [ids.old, "ResponseComplete", at(-3 * 3600_000), "list", "pods", null, "shop", 200, null],
    [ids.list, "ResponseComplete", at(10_000), "list", "pods", null, "shop", 200, null],
    [ids.exec, "ResponseStarted", at(60_000), "create", "pods", "exec", "shop", 101, pod],
    [ids.exec, "ResponseComplete", at(60_000), "create", "pods", "exec", "shop", 101, pod, 2_000],
    [ids.secret, "ResponseComplete", at(90_000), "get", "secrets", null, "shop", 200, "db-creds"],
    [ids.patch, "ResponseComplete", at(120_000), "patch", "deployments", null, "shop", 200, `${cluster.name}-web`],
    [ids.binding, "ResponseComplete", at(180_000), "create", "clusterrolebindings", null, null, 201, "pwn-admin"],
    [ids.denied, "ResponseComplete", at(190_000), "delete", "configmaps", null, "shop", 403, "audit-policy"],
  ];
  const pool = getPool();
  for (const day of new Set(rows.map((r) => r[2].toISOString().slice(0, 10)))) {
    const from = new Date(`${day}T00:00:00Z`);
    const to = new Date(from.getTime() + 86_400_000);
    await pool.query(`create table if not exists audit_events_${day.replaceAll("-", "")} partition of audit_events for values from ('${from.toISOString()}') to ('${to.toISOString()}')`);
  }
  for (const [auditId, stage, ts, verb, resource, subresource, namespace, code, name, late = 0] of rows) {
    const raw = {
      kind: "Event", apiVersion: "audit.k8s.io/v1", level: "Metadata", auditID: auditId, stage, verb, user: { username: principal, groups: ["system:authenticated"] }, sourceIPs: ["203.0.113.7"], userAgent: "kubectl/v1.31.0",
      objectRef: { resource, subresource, namespace, name }, responseStatus: { code }, requestReceivedTimestamp: ts.toISOString(), stageTimestamp: new Date(ts.getTime() + late).toISOString(),
    };
    await pool.query(
      `insert into audit_events (cluster_id, audit_id, stage, ts, verb, username, source_ip, user_agent, resource, subresource, namespace, name, code, decision, raw)
       values ($1, $2, $3, $4, $5, $6, '203.0.113.7', 'kubectl/v1.31.0', $7, $8, $9, $10, $11, $12, $13)`,
      [clusterId, auditId, stage, ts, verb, principal, resource, subresource, namespace, name, code, code === 403 ? "forbid" : "allow", JSON.stringify(raw)],
    );
  }
  const incident = await db.incident.create({ data: { orgId, clusterId, title: "Exec/attach into pod by human or unexpected principal", severity: "medium", principal, firstSeen: at(60_000), lastSeen: at(60_000) } });
  const detection = await db.auditDetection.create({
    data: { orgId, clusterId, fingerprint: uniq(), detectionId: "TWD-0020", title: "Exec/attach into pod by human or unexpected principal", severity: "medium", principal, message: `${principal} exec'd into pod shop/${pod}`, auditIds: [ids.exec], refs: { mitre: ["T1609"], ms: [], falco: [] }, firstSeen: at(60_000), lastSeen: at(60_000), incidentId: incident.id },
  });
  const allowListEntry = await db.auditAllowListEntry.create({ data: { orgId, clusterId, principal: "system:serviceaccount:ci:*", reason: "CI deploys" } });
  return { incident, detection, allowListEntry, principal, t0, auditIds: ids, pod };
};

/** A rendered report (tiny content, real SHA-256) and a weekly schedule in `orgId`, requested by `userId`. */
export const seedReportData = async (orgId: string, userId: string) => {
  const content = Buffer.from(`report of ${orgId}\n`);
  const sha256 = crypto.createHash("sha256").update(content).digest("hex");
  const report = await db.report.create({
    data: { orgId, kind: "compliance", framework: "cis", format: "json", scope: {}, status: "succeeded", progress: { phase: "done", percent: 100 }, content: new Uint8Array(content), sha256, sizeBytes: content.length, fileName: "tower-cis-1.12-fleet.json", contentType: "application/json", requestedById: userId, finishedAt: new Date() },
  });
  const schedule = await db.reportSchedule.create({ data: { orgId, framework: "cis", format: "pdf", scope: {}, cadence: "weekly", nextRunAt: new Date(Date.now() + 86_400_000), createdById: userId } });
  return { report, schedule, content, sha256 };
};
