import "server-only";
import { db, getPool } from "@/lib/db";
import { enqueueJob } from "../jobs/enqueue-job";
import { applySuppressions } from "../suppressions/apply-suppressions";

/**
 * Runs every minute: queues a scan for each cluster whose interval has passed (the per-cluster job key
 * keeps one pending scan at most), and re-applies suppressions so that expired ones release their findings.
 */
export const scheduleDueScans = async (now = new Date()) => {
  const clusters = await db.cluster.findMany({ select: { id: true, orgId: true, lastScanAt: true, scanIntervalMinutes: true } });
  let queued = 0;
  for (const c of clusters) {
    const due = !c.lastScanAt || now.getTime() - c.lastScanAt.getTime() >= c.scanIntervalMinutes * 60_000;
    if (!due) continue;
    const active = await db.scanRun.count({ where: { clusterId: c.id, status: { in: ["queued", "running"] }, createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
    if (active) continue;
    await db.$transaction(async (tx) => {
      const scan = await tx.scanRun.create({ data: { orgId: c.orgId, clusterId: c.id, trigger: "schedule" } });
      await enqueueJob(tx, "cluster.scan", { clusterId: c.id, scanId: scan.id }, { jobKey: `cluster.scan:${c.id}` });
    });
    queued++;
  }
  const orgs = new Set(clusters.map((c) => c.orgId));
  for (const orgId of orgs) await applySuppressions(getPool(), orgId);
  return { queued };
};
