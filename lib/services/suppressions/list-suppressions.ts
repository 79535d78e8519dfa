import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";

export const listSuppressions = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "findings.read");
  const rows = await db.suppression.findMany({ where: { orgId: ctx.org.id, revokedAt: null }, orderBy: { createdAt: "desc" }, take: 500, include: { _count: { select: { findings: true } } } });
  const now = new Date();
  return rows.map((s) => ({
    id: s.id, scope: s.scope, clusterId: s.clusterId, ruleId: s.ruleId, namespace: s.namespace, kind: s.kind, name: s.name, findingId: s.findingId,
    reason: s.reason, expiresAt: s.expiresAt?.toISOString() ?? null, expired: !!s.expiresAt && s.expiresAt <= now, createdAt: s.createdAt.toISOString(), findingsHidden: s._count.findings,
  }));
};
