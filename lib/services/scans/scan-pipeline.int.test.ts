import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, getPool } from "@/lib/db";
import { createMember, createOrg, ctxFor } from "@/lib/db/test/factories";
import { sealKubeconfig } from "@/lib/clusters/vault";
import { startSimulator, type SimHandle } from "@/lib/sim";
import { demoObjects, privilegedPodObjects } from "./test/demo-objects";
import { createClusters } from "../clusters/create-clusters";
import { createSuppression } from "../suppressions/create-suppression";
import { applySuppressions } from "../suppressions/apply-suppressions";
import { runClusterScan } from "./run-cluster-scan";

// The whole check-in path against the API simulator and a real Postgres: onboarding, collection,
// scanning, inventory and the findings lifecycle, access failures, encryption at rest, suppressions.
const base = demoObjects;
const extra = privilegedPodObjects;

const sims: SimHandle[] = [];
const sim = async (opts: Parameters<typeof startSimulator>[0]) => {
  const s = await startSimulator({ pageSizeMax: 100, ...opts });
  sims.push(s);
  return s;
};
afterAll(async () => Promise.all(sims.map((s) => s.close())));

let org: Awaited<ReturnType<typeof createOrg>>;
let ctx: ReturnType<typeof ctxFor>;
beforeAll(async () => {
  org = await createOrg();
  ctx = ctxFor(org, await createMember(org.id, "admin"));
});

const onboard = async (s: SimHandle, name: string) => {
  const [created] = await createClusters({ ctx, input: { kubeconfig: s.kubeconfig, contexts: [{ context: "tower-sim", name, environment: "prod" }] } });
  const scan = await db.scanRun.findFirstOrThrow({ where: { clusterId: created.id } });
  return { clusterId: created.id, scanId: scan.id };
};
const repoint = async (clusterId: string, kubeconfig: string) => db.clusterCredential.update({ where: { clusterId }, data: sealKubeconfig(kubeconfig) });
const findingFor = (clusterId: string, name: string) => db.finding.findFirst({ where: { clusterId, name, ruleName: "privileged-container" } });

describe("cluster scans through the simulator", () => {
  it("onboards, scans page by page and stores inventory and findings", async () => {
    const s = await sim({ objects: [...base, ...extra], pageSizeMax: 20 });
    const { clusterId, scanId } = await onboard(s, "prod-eu");
    const result = await runClusterScan({ clusterId, scanId });
    expect(result).toMatchObject({ scanId, objectsRemoved: 0 });
    const run = await db.scanRun.findUniqueOrThrow({ where: { id: scanId } });
    expect(run.status).toBe("succeeded");
    expect(run.objectsAdded).toBe(run.objectsTotal);
    expect(run.objectsTotal).toBeGreaterThan(300);
    expect(run.findingsNew).toBe(run.findingsTotal);
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster).toMatchObject({ status: "ok", serverVersion: "v1.28.4" });
    expect(await db.inventoryObject.count({ where: { clusterId } })).toBe(run.objectsTotal);
    expect((await findingFor(clusterId, "debug-shell"))?.status).toBe("new");
    expect(s.requests.some((r) => /continue=/.test(r.path))).toBe(true);
  });

  it("tracks the lifecycle across scans: open, resolved, regressed", async () => {
    const s1 = await sim({ objects: [...base, ...extra] });
    const { clusterId, scanId } = await onboard(s1, "lifecycle");
    await runClusterScan({ clusterId, scanId });
    await runClusterScan({ clusterId });
    expect((await findingFor(clusterId, "debug-shell"))?.status).toBe("open");

    const s2 = await sim({ objects: base });
    await repoint(clusterId, s2.kubeconfig);
    const second = await runClusterScan({ clusterId });
    expect(second).toMatchObject({ objectsRemoved: 1 });
    expect((second as { findingsResolved: number }).findingsResolved).toBeGreaterThan(0);
    const resolved = await findingFor(clusterId, "debug-shell");
    expect(resolved?.status).toBe("resolved");
    expect(resolved?.resolvedAt).not.toBeNull();

    await repoint(clusterId, s1.kubeconfig);
    const third = await runClusterScan({ clusterId });
    expect((third as { findingsRegressed: number }).findingsRegressed).toBeGreaterThan(0);
    expect((await findingFor(clusterId, "debug-shell"))?.status).toBe("regressed");
  });

  it("records a 403 on one resource type as a coverage gap, not a failed scan", async () => {
    const s = await sim({ objects: base, forbidden: [{ group: "", resource: "configmaps" }] });
    const { clusterId, scanId } = await onboard(s, "partial");
    await runClusterScan({ clusterId, scanId });
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster.status).toBe("degraded");
    expect(cluster.coverage).toEqual(expect.arrayContaining([expect.objectContaining({ resource: "configmaps", status: "forbidden" })]));
    expect((await db.scanRun.findUniqueOrThrow({ where: { id: scanId } })).status).toBe("succeeded");
    expect(await db.inventoryObject.count({ where: { clusterId, kind: "ConfigMap" } })).toBe(0);
  });

  it.each([
    ["an unreachable server", "unreachable", (s: SimHandle) => s.kubeconfig.replace(s.url, "https://127.0.0.1:1")],
    ["a wrong CA", "tls_error", (s: SimHandle) => s.kubeconfigFor({ wrongCa: true })],
    ["an expired token", "unauthorized", (s: SimHandle) => s.kubeconfigFor({ token: "expired-token-000000" })],
  ])("sets a clear status for %s and keeps the time of the last good scan", async (_what, status, kubeconfigOf) => {
    const s = await sim({ objects: base, auth: { expiredTokens: ["expired-token-000000"] } });
    const { clusterId, scanId } = await onboard(s, `broken-${status}`);
    await runClusterScan({ clusterId, scanId });
    const good = (await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).lastGoodScanAt;
    await repoint(clusterId, kubeconfigOf(s));
    const result = await runClusterScan({ clusterId });
    expect(result).toMatchObject({ failed: expect.any(String) });
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster.status).toBe(status);
    expect(cluster.statusReason).toBeTruthy();
    expect(cluster.lastGoodScanAt?.getTime()).toBe(good?.getTime());
    expect(await db.inventoryObject.count({ where: { clusterId } })).toBeGreaterThan(0);
  });

  it("never stores a token or a Secret value in clear (scanning the table bytes)", async () => {
    const s = await sim({ objects: [...base, ...extra] });
    const { clusterId, scanId } = await onboard(s, "bytes");
    await runClusterScan({ clusterId, scanId });
    const pool = getPool();
    const dump = async (table: string) => (await pool.query(`select t::text as row from "${table}" t`)).rows.map((r) => r.row).join("\n");
    for (const table of ["ClusterCredential", "Cluster", "ScanRun", "InventoryObject", "Finding", "AuditLog"]) expect(await dump(table)).not.toContain(s.token);
    const secretValues = base.filter((o) => o.obj.kind === "Secret").flatMap((o) => Object.values((o.obj as { data?: Record<string, string> }).data ?? {}));
    expect(secretValues.length).toBeGreaterThan(0);
    const inventory = await dump("InventoryObject");
    for (const v of secretValues) if (v.length > 8) expect(inventory).not.toContain(v);
  });

  it("hides suppressed findings until the suppression expires", async () => {
    const s = await sim({ objects: [...base, ...extra] });
    const { clusterId, scanId } = await onboard(s, "suppress");
    await runClusterScan({ clusterId, scanId });
    const finding = (await findingFor(clusterId, "debug-shell"))!;
    const analyst = ctxFor(org, await createMember(org.id, "analyst"));
    const created = await createSuppression({ ctx: analyst, input: { findingId: finding.id, scope: "resource", reason: "debug pod, removed Friday", expiresAt: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(created.findingsHidden).toBeGreaterThanOrEqual(1);
    await runClusterScan({ clusterId });
    expect((await db.finding.findUniqueOrThrow({ where: { id: finding.id } })).suppressionId).toBe(created.id);
    await db.suppression.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await applySuppressions(getPool(), org.id);
    expect((await db.finding.findUniqueOrThrow({ where: { id: finding.id } })).suppressionId).toBeNull();
    expect(await db.auditLog.count({ where: { action: "suppression.create", targetId: created.id } })).toBe(1);
  });
});
