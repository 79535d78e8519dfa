import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";
import { enqueueJob } from "../jobs/enqueue-job";
import { getClusterInOrgOrThrow } from "./internal";
import { serializeScan } from "./serialize";

/** "Scan now": queues a scan unless one is already queued or running for this cluster. */
export const requestScan = async ({ ctx, clusterId }: { ctx: Ctx; clusterId: string }) => {
  requirePermission(ctx, "clusters.write");
  const cluster = await getClusterInOrgOrThrow(ctx, clusterId);
  return db.$transaction(async (tx) => {
    const active = await tx.scanRun.findFirst({ where: { clusterId: cluster.id, status: { in: ["queued", "running"] } } });
    if (active) throw new ConflictError("A scan of this cluster is already queued or running");
    const scan = await tx.scanRun.create({ data: { orgId: ctx.org.id, clusterId: cluster.id, trigger: "manual", requestedById: ctx.user.id } });
    await enqueueJob(tx, "cluster.scan", { clusterId: cluster.id, scanId: scan.id }, { jobKey: `cluster.scan:${cluster.id}` });
    await recordAudit(tx, actorOf(ctx), { action: "cluster.scan_requested", targetType: "cluster", targetId: cluster.id, after: { scanId: scan.id } });
    return serializeScan(scan);
  });
};
