import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { postureScore } from "./posture-score";
import { serializeCluster, type TSeverityCounts } from "./serialize";

export const emptyCounts = (): TSeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });

/** Open (not resolved, not suppressed) findings per cluster and severity, in one grouped query. */
export const openCountsByCluster = async (orgId: string) => {
  const rows = await db.finding.groupBy({ by: ["clusterId", "severity"], where: { orgId, status: { not: "resolved" }, suppressionId: null }, _count: { _all: true } });
  const map = new Map<string, TSeverityCounts>();
  for (const r of rows) {
    const counts = map.get(r.clusterId) ?? emptyCounts();
    counts[r.severity] = r._count._all;
    map.set(r.clusterId, counts);
  }
  return map;
};

export const listClusters = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "clusters.read");
  const [clusters, counts] = await Promise.all([db.cluster.findMany({ where: { orgId: ctx.org.id }, orderBy: { name: "asc" } }), openCountsByCluster(ctx.org.id)]);
  const objects = await db.inventoryObject.groupBy({ by: ["clusterId"], where: { clusterId: { in: clusters.map((c) => c.id) } }, _count: { _all: true } });
  const objectCount = new Map(objects.map((o) => [o.clusterId, o._count._all]));
  return clusters.map((c) => {
    const findings = counts.get(c.id) ?? emptyCounts();
    const total = objectCount.get(c.id) ?? 0;
    return { ...serializeCluster(c), findings, objects: total, score: c.lastGoodScanAt ? postureScore(findings, total) : null };
  });
};
