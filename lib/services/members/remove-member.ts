import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { canAssignRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";

export const ZRemoveMember = z.object({ memberId: z.string().min(1).max(64) });

export const removeMember = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZRemoveMember> }) => {
  requirePermission(ctx, "members.write");
  const { memberId } = ZRemoveMember.parse(input);
  await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: memberId, orgId: ctx.org.id }, include: { user: true } });
    if (!member) throw new NotFoundError("Member");
    if (!canAssignRole(ctx.role, member.role)) throw new ForbiddenError(`Your role (${ctx.role}) cannot remove a ${member.role}`);
    if (member.role === "owner" && (await tx.membership.count({ where: { orgId: ctx.org.id, role: "owner" } })) <= 1) throw new ConflictError("The organization needs at least one owner");
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(tx, actorOf(ctx), { action: "member.remove", targetType: "membership", targetId: member.id, before: { email: member.user.email, role: member.role } });
  });
};
