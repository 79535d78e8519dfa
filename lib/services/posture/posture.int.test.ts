import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverageGapsOf as cliCoverageGaps } from "@/bin/commands/_report/inputs";
import { collectCluster } from "@/lib/clusters/collect";
import { assessFramework } from "@/lib/compliance/assess";
import { FRAMEWORKS } from "@/lib/compliance/frameworks";
import { registrySources } from "@/lib/compliance/sources";
import { kindsReadBy } from "@/lib/compliance/targets";
import { db } from "@/lib/db";
import { createMember, createOrg, ctxFor } from "@/lib/db/test/factories";
import { RULES } from "@/lib/scanner/rules";
import { scan } from "@/lib/scanner/scan";
import { DEMO_CLUSTER_DIR, startSimulator, type SimHandle } from "@/lib/sim";
import { createClusters } from "../clusters/create-clusters";
import { runClusterScan } from "../scans/run-cluster-scan";
import { assessStoredScope } from "./assess-scope";
import { getComplianceControl } from "./get-compliance-control";
import { getCompliancePosture } from "./get-compliance-posture";
import { recordFindingDailyStats } from "./record-finding-daily-stats";
import { recordPostureSnapshots } from "./record-posture-snapshots";

// Posture of stored findings against the pure engine on the same data: the demo cluster served by the API
// simulator (NetworkPolicies forbidden, so coverage gaps matter), scanned through the real scan path.
let sim: SimHandle;
let org: Awaited<ReturnType<typeof createOrg>>;
let ctx: ReturnType<typeof ctxFor>;
let clusterId: string;
const FORBIDDEN = [{ group: "networking.k8s.io", resource: "networkpolicies" }];

beforeAll(async () => {
  sim = await startSimulator({ dir: DEMO_CLUSTER_DIR, pageSizeMax: 200, forbidden: FORBIDDEN });
  org = await createOrg();
  ctx = ctxFor(org, await createMember(org.id, "admin"));
  const [created] = await createClusters({ ctx, input: { kubeconfig: sim.kubeconfig, contexts: [{ context: "tower-sim", name: "posture-sim", environment: "prod" }] } });
  clusterId = created.id;
  const queued = await db.scanRun.findFirstOrThrow({ where: { clusterId } });
  await runClusterScan({ clusterId, scanId: queued.id });
});
afterAll(async () => sim?.close());

const pureAssessment = async (key: keyof typeof FRAMEWORKS, now: Date) => {
  const collected = await collectCluster({ kubeconfig: sim.kubeconfig, allowLocalFiles: false });
  const result = scan({ objects: collected.objects, facts: collected.facts, now, rules: RULES });
  const sources = registrySources();
  const findings = result.findings.map((f) => ({ ...f, cluster: "posture-sim" }));
  const coverageGaps = cliCoverageGaps(collected.coverage, new Set(sources.rules.flatMap((r) => kindsReadBy(r))));
  return assessFramework({ framework: FRAMEWORKS[key], findings, rulesRun: result.stats.rulesTargeted, coverageGaps, scope: { resources: 0 }, sources, now });
};

describe("posture of stored findings", () => {
  it.each(["cis", "nsa", "pss", "mitre"] as const)("%s: every control's status and failing count match lib/compliance on the same data", async (key) => {
    const now = new Date();
    const expected = await pureAssessment(key, now);
    const { assessment } = await assessStoredScope(org.id, FRAMEWORKS[key], { cluster: clusterId }, now);
    const got = assessment.controls.map((c) => [c.id, c.status, c.failing.length]);
    expect(got).toEqual(expected.controls.map((c) => [c.id, c.status, c.failing.length]));
    expect(assessment.score).toBe(expected.score);
    // NetworkPolicies are forbidden in the simulator: the controls needing them must say partial, not pass.
    if (key === "cis") expect(got.filter((g) => g[1] === "partial").length).toBeGreaterThan(0);
    expect(got.some((g) => g[1] === "fail")).toBe(true);
  });

  it("leaves suppressed and resolved findings out, and narrows to a namespace", async () => {
    const fleet = await getCompliancePosture({ ctx, framework: "cis", input: {} });
    let failing = fleet.controls[0];
    let detail: Awaited<ReturnType<typeof getComplianceControl>> | undefined;
    for (const c of fleet.controls.filter((x) => x.status === "fail" && x.failingResources > 0)) {
      failing = c;
      detail = await getComplianceControl({ ctx, framework: "cis", controlId: c.id, input: {} });
      if (detail.resources.some((r) => r.namespace)) break;
    }
    if (!detail) throw new Error("no failing control with namespaced resources");
    expect(detail.resources.length).toBeGreaterThan(0);
    const ids = detail.resources.flatMap((r) => r.findings.map((f) => f.id));
    const suppression = await db.suppression.create({ data: { orgId: org.id, scope: "rule", reason: "test", ruleId: failing.rules[0] } });
    await db.finding.updateMany({ where: { id: { in: ids } }, data: { suppressionId: suppression.id } });
    const after = await getCompliancePosture({ ctx, framework: "cis", input: {} });
    expect(after.controls.find((c) => c.id === failing.id)!.findings).toBe(0);
    await db.finding.updateMany({ where: { id: { in: ids } }, data: { suppressionId: null } });
    const ns = detail.resources.find((r) => r.namespace)!.namespace;
    const scoped = await getComplianceControl({ ctx, framework: "cis", controlId: failing.id, input: { cluster: clusterId, namespace: ns } });
    expect(scoped.resources.every((r) => r.namespace === ns)).toBe(true);
    expect(scoped.control.status).toBe("fail");
  });

  it("a successful scan queues posture.snapshot for its org (one pending job per org)", async () => {
    const jobs = await db.$queryRaw<Array<{ payload: { orgId: string } }>>`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'posture.snapshot'`;
    expect(jobs.filter((j) => j.payload.orgId === org.id)).toHaveLength(1);
  });

  it("a cluster of another org is not found", async () => {
    const other = await createOrg();
    const otherCtx = ctxFor(other, await createMember(other.id, "owner"));
    await expect(getCompliancePosture({ ctx: otherCtx, framework: "cis", input: { cluster: clusterId } })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("snapshots and daily rollups", () => {
  it("writes one row per framework and scope per day, idempotently", async () => {
    const now = new Date("2031-03-10T12:00:00Z");
    expect(await recordPostureSnapshots(org.id, now)).toEqual({ snapshots: 8 });
    const first = await db.postureSnapshot.findMany({ where: { orgId: org.id }, orderBy: [{ framework: "asc" }, { clusterId: "asc" }] });
    await recordPostureSnapshots(org.id, new Date("2031-03-10T23:00:00Z"));
    const again = await db.postureSnapshot.findMany({ where: { orgId: org.id }, orderBy: [{ framework: "asc" }, { clusterId: "asc" }] });
    expect(again.map((r) => [r.id, r.framework, r.clusterId, r.score])).toEqual(first.map((r) => [r.id, r.framework, r.clusterId, r.score]));
    await recordPostureSnapshots(org.id, new Date("2031-03-11T01:00:00Z"));
    expect(await db.postureSnapshot.count({ where: { orgId: org.id } })).toBe(16);
    const fleetCis = first.find((r) => r.framework === "cis" && r.clusterId === "")!;
    const live = await assessStoredScope(org.id, FRAMEWORKS.cis, {}, now);
    expect(fleetCis).toMatchObject({ score: live.assessment.score, failed: live.assessment.summary.fail, passed: live.assessment.summary.pass });
  });

  it("counts findings opened, resolved and open per day and severity", async () => {
    const o = await createOrg();
    const c = await db.cluster.create({ data: { orgId: o.id, name: "stats", server: "https://127.0.0.1:1" } });
    const at = (s: string) => new Date(`2031-05-${s}Z`);
    const mk = (n: number, severity: "high" | "critical", firstSeenAt: Date, resolvedAt: Date | null, suppressed = false) =>
      db.finding.create({ data: { orgId: o.id, clusterId: c.id, fingerprint: `fp-${n}`, ruleId: "TWR-0101", ruleName: "r", title: "t", severity, theme: "pod-hardening", message: "m", apiVersion: "v1", kind: "Pod", namespace: "a", name: `p${n}`, evidence: [], remediation: "r", lastScanId: "s", status: resolvedAt ? "resolved" : "open", firstSeenAt, resolvedAt } });
    await mk(1, "high", at("08T10:00:00"), at("09T09:00:00"));
    await mk(2, "high", at("08T23:59:00"), null);
    await mk(3, "critical", at("10T01:00:00"), null);
    const sup = await db.suppression.create({ data: { orgId: o.id, scope: "rule", reason: "r" } });
    await db.finding.update({ where: { id: (await mk(4, "critical", at("09T01:00:00"), null)).id }, data: { suppressionId: sup.id } });
    await recordFindingDailyStats(o.id, at("10T12:00:00"));
    await recordFindingDailyStats(o.id, at("10T18:00:00"));
    const rows = await db.findingDailyStat.findMany({ where: { orgId: o.id, day: { gte: new Date("2031-05-08") }, severity: { in: ["high", "critical"] } }, orderBy: [{ day: "asc" }, { severity: "asc" }] });
    const view = rows.map((r) => [r.day.toISOString().slice(0, 10), r.severity, r.opened, r.resolved, r.open]);
    expect(view).toEqual([
      ["2031-05-08", "critical", 0, 0, 0], ["2031-05-08", "high", 2, 0, 2],
      ["2031-05-09", "critical", 0, 0, 0], ["2031-05-09", "high", 0, 1, 1],
      ["2031-05-10", "critical", 1, 0, 1], ["2031-05-10", "high", 0, 0, 1],
    ]);
    expect(await db.findingDailyStat.count({ where: { orgId: o.id } })).toBe(90 * 5);
  });
});
