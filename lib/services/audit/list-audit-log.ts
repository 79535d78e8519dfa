import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";

export const ZListAuditLog = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.iso.datetime().optional(), action: z.string().max(100).optional() });

export const listAuditLog = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZListAuditLog> }) => {
  requirePermission(ctx, "audit.read");
  const { limit, before, action } = ZListAuditLog.parse(input);
  const rows = await db.auditLog.findMany({
    where: { orgId: ctx.org.id, ...(before ? { createdAt: { lt: new Date(before) } } : {}), ...(action ? { action: { startsWith: action } } : {}) },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((r) => ({ id: r.id, action: r.action, actorEmail: r.actorEmail, targetType: r.targetType, targetId: r.targetId, before: r.before, after: r.after, ip: r.ip, createdAt: r.createdAt.toISOString() }));
};
