import "server-only";
import { db } from "@/lib/db";
import { enqueueJob } from "../jobs/enqueue-job";
import { recordFindingDailyStats } from "./record-finding-daily-stats";
import { recordPostureSnapshots } from "./record-posture-snapshots";

/** The `posture.snapshot` job: one org after its scan, or every org with a cluster (the daily cron). */
export const runPostureSnapshot = async ({ orgId, now = new Date() }: { orgId?: string; now?: Date }) => {
  const orgs = orgId ? [orgId] : (await db.cluster.findMany({ select: { orgId: true }, distinct: ["orgId"] })).map((c) => c.orgId);
  const results: Record<string, { snapshots: number; days: number }> = {};
  for (const id of orgs) {
    const { snapshots } = await recordPostureSnapshots(id, now);
    const { days } = await recordFindingDailyStats(id, now);
    results[id] = { snapshots, days };
  }
  return results;
};

/**
 * Called at the end of a successful scan. The job key folds the snapshots of several clusters scanned in the same
 * minute into one; a failure to queue never fails the scan that already succeeded (the daily cron catches up).
 */
export const enqueuePostureSnapshot = async (orgId: string) => {
  await enqueueJob(db, "posture.snapshot", { orgId }, { jobKey: `posture.snapshot:${orgId}`, runAt: new Date(Date.now() + 5_000), maxAttempts: 3 }).catch((err) =>
    console.error(`[posture] could not queue posture.snapshot for ${orgId}: ${err instanceof Error ? err.message : err}`),
  );
};
