import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { DETECTIONS } from "@/lib/audit";
import { db } from "@/lib/db";
import { getClusterInOrgOrThrow } from "../clusters/internal";
import { blindSpots, emptyCoverage, type Coverage } from "./coverage";

const DAY_MS = 86_400_000;

/**
 * A cluster's audit pipeline at a glance: is the webhook configured and sending, how much arrived in the
 * last 24 hours (from the hourly rollups), what was rejected, how far detection has got, and which
 * detections the logged events cannot support (blind spots of the cluster's audit policy).
 */
export const getAuditStatus = async ({ ctx, clusterId, now = new Date() }: { ctx: Ctx; clusterId: string; now?: Date }) => {
  requirePermission(ctx, "clusters.read");
  const cluster = await getClusterInOrgOrThrow(ctx, clusterId);
  const since = new Date(now.getTime() - DAY_MS);
  const [rollups, rejected24h, rejectedTotal, state] = await Promise.all([
    db.auditRollupHourly.aggregate({ where: { clusterId: cluster.id, hour: { gte: since } }, _sum: { events: true, denied: true } }),
    db.auditRejectedEvent.count({ where: { clusterId: cluster.id, receivedAt: { gte: since } } }),
    db.auditRejectedEvent.count({ where: { clusterId: cluster.id } }),
    db.auditDetectionState.findUnique({ where: { clusterId: cluster.id } }),
  ]);
  const coverage = ((state?.state as { coverage?: Coverage } | null)?.coverage ?? emptyCoverage()) as Coverage;
  const spots = blindSpots(coverage, DETECTIONS);
  return {
    clusterId: cluster.id,
    webhook: { configured: !!cluster.auditTokenHash, tokenCreatedAt: cluster.auditTokenCreatedAt?.toISOString() ?? null },
    lastEventAt: cluster.auditLastEventAt?.toISOString() ?? null,
    eventsLast24h: rollups._sum.events ?? 0,
    deniedLast24h: rollups._sum.denied ?? 0,
    rejected: { last24h: rejected24h, total: rejectedTotal },
    detection: { cursorSeq: state ? state.cursorSeq.toString() : "0", learningUntil: state?.learningUntil?.toISOString() ?? null, updatedAt: state?.updatedAt.toISOString() ?? null, eventsAnalysed: coverage.events },
    detectionsUnsupported: spots.unsupported,
    detectionsUnverified: spots.unverified,
  };
};
