import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";

export const listInvitations = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "members.read");
  const rows = await db.invitation.findMany({ where: { orgId: ctx.org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } });
  return rows.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() }));
};
