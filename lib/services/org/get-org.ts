import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";

export const getOrg = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "org.read");
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.org.id } });
  return { id: org.id, name: org.name, slug: org.slug, createdAt: org.createdAt.toISOString() };
};
