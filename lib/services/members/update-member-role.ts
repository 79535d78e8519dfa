import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { canAssignRole, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";
import { serializeMember } from "./serialize";

export const ZUpdateMemberRole = z.object({ memberId: z.string().min(1).max(64), role: z.enum(ROLES) });

export const updateMemberRole = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZUpdateMemberRole> }) => {
  requirePermission(ctx, "members.write");
  const { memberId, role } = ZUpdateMemberRole.parse(input);
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: memberId, orgId: ctx.org.id }, include: { user: true } });
    if (!member) throw new NotFoundError("Member");
    if (!canAssignRole(ctx.role, role) || !canAssignRole(ctx.role, member.role)) throw new ForbiddenError(`Your role (${ctx.role}) cannot change a ${member.role} into a ${role}`);
    if (member.role === "owner" && role !== "owner") {
      const owners = await tx.membership.count({ where: { orgId: ctx.org.id, role: "owner" } });
      if (owners <= 1) throw new ConflictError("The organization needs at least one owner");
    }
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role }, include: { user: true } });
    await recordAudit(tx, actorOf(ctx), { action: "member.update_role", targetType: "membership", targetId: member.id, before: { role: member.role }, after: { role, email: member.user.email } });
    return serializeMember(updated);
  });
};
