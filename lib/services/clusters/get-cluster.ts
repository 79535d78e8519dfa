import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { getClusterInOrgOrThrow } from "./internal";
import { emptyCounts, openCountsByCluster } from "./list-clusters";
import { serializeCluster, serializeScan } from "./serialize";

export const getCluster = async ({ ctx, clusterId }: { ctx: Ctx; clusterId: string }) => {
  requirePermission(ctx, "clusters.read");
  const cluster = await getClusterInOrgOrThrow(ctx, clusterId);
  const [scans, counts, objects] = await Promise.all([
    db.scanRun.findMany({ where: { clusterId: cluster.id }, orderBy: { createdAt: "desc" }, take: 20 }),
    openCountsByCluster(ctx.org.id),
    db.inventoryObject.count({ where: { clusterId: cluster.id } }),
  ]);
  return { ...serializeCluster(cluster), findings: counts.get(cluster.id) ?? emptyCounts(), objects, scans: scans.map(serializeScan) };
};
