import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";

export const ZRevokeInvitation = z.object({ invitationId: z.string().min(1).max(64) });

export const revokeInvitation = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZRevokeInvitation> }) => {
  requirePermission(ctx, "members.write");
  const { invitationId } = ZRevokeInvitation.parse(input);
  await db.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { id: invitationId, orgId: ctx.org.id, acceptedAt: null, revokedAt: null } });
    if (!inv) throw new NotFoundError("Invitation");
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actorOf(ctx), { action: "invitation.revoke", targetType: "invitation", targetId: inv.id, before: { email: inv.email, role: inv.role } });
  });
};
