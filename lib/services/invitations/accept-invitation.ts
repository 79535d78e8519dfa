import "server-only";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { hashToken } from "../internal";

export const ZAcceptInvitation = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

/** Public: the link's token is the credential. Creates the user (or joins an existing one) and the membership. */
export const acceptInvitation = async ({ input, ip }: { input: z.input<typeof ZAcceptInvitation>; ip?: string }) => {
  const { token, name, password } = ZAcceptInvitation.parse(input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt < new Date()) throw new NotFoundError("Invitation (it may have expired or been used)");
    const existing = await tx.user.findUnique({ where: { email: inv.email } });
    if (existing && (await tx.membership.findFirst({ where: { orgId: inv.orgId, userId: existing.id } }))) throw new ConflictError("Already a member");
    const user = existing ?? (await tx.user.create({ data: { email: inv.email, name, passwordHash } }));
    await tx.membership.create({ data: { orgId: inv.orgId, userId: user.id, role: inv.role } });
    await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: new Date() } });
    await recordAudit(tx, { orgId: inv.orgId, actorId: user.id, actorEmail: user.email, ip }, { action: "invitation.accept", targetType: "invitation", targetId: inv.id, after: { role: inv.role } });
    return { email: user.email };
  });
};

export const getInvitationPreview = async (token: string) => {
  const inv = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { org: true } });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt < new Date()) return null;
  return { email: inv.email, role: inv.role, orgName: inv.org.name };
};
