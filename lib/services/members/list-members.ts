import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { serializeMember } from "./serialize";

export const listMembers = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "members.read");
  const rows = await db.membership.findMany({ where: { orgId: ctx.org.id }, include: { user: true }, orderBy: { createdAt: "asc" } });
  return rows.map(serializeMember);
};
