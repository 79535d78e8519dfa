import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { canAssignRole, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf, hashToken, newToken } from "../internal";

export const ZCreateInvitation = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), role: z.enum(ROLES) });
const INVITATION_DAYS = 7;

/** Returns the invitation link's token once; only its hash is stored. */
export const createInvitation = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZCreateInvitation> }) => {
  requirePermission(ctx, "members.write");
  const { email, role } = ZCreateInvitation.parse(input);
  if (!canAssignRole(ctx.role, role)) throw new ForbiddenError(`Your role (${ctx.role}) cannot invite a ${role}`);
  const token = newToken();
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({ where: { orgId: ctx.org.id, user: { email } } });
    if (existing) throw new ConflictError(`${email} is already a member`);
    await tx.invitation.updateMany({ where: { orgId: ctx.org.id, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const inv = await tx.invitation.create({
      data: { orgId: ctx.org.id, email, role, tokenHash: hashToken(token), invitedById: ctx.user.id, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) },
    });
    await recordAudit(tx, actorOf(ctx), { action: "invitation.create", targetType: "invitation", targetId: inv.id, after: { email, role } });
    return { id: inv.id, email, role, expiresAt: inv.expiresAt.toISOString(), token, path: `/invite/${token}` };
  });
};
