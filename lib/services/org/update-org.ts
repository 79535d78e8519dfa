import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";

export const ZUpdateOrg = z.object({ name: z.string().trim().min(1).max(100) });

export const updateOrg = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZUpdateOrg> }) => {
  requirePermission(ctx, "org.write");
  const { name } = ZUpdateOrg.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id } });
    const org = await tx.organization.update({ where: { id: ctx.org.id }, data: { name } });
    await recordAudit(tx, actorOf(ctx), { action: "org.update", targetType: "organization", targetId: org.id, before: { name: before.name }, after: { name } });
    return { id: org.id, name: org.name, slug: org.slug, createdAt: org.createdAt.toISOString() };
  });
};
