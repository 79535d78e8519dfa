import "server-only";
import { db } from "@/lib/db";
import { runAuditDetection, type DetectionRun } from "./run-audit-detection";

/** The worker's entry: a deleted cluster has nothing left to detect. */
export const detectClusterEvents = async (clusterId: string, opts: { budgetMs?: number; warmupMs?: number } = {}): Promise<DetectionRun | null> => {
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, select: { id: true, orgId: true } });
  if (!cluster) return null;
  return runAuditDetection({ clusterId: cluster.id, orgId: cluster.orgId }, opts);
};
