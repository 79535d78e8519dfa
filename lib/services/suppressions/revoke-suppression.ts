import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db, getPool } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";
import { applySuppressions } from "./apply-suppressions";

export const revokeSuppression = async ({ ctx, suppressionId }: { ctx: Ctx; suppressionId: string }) => {
  requirePermission(ctx, "findings.write");
  await db.$transaction(async (tx) => {
    const s = await tx.suppression.findFirst({ where: { id: suppressionId, orgId: ctx.org.id, revokedAt: null } });
    if (!s) throw new NotFoundError("Suppression");
    await tx.suppression.update({ where: { id: s.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actorOf(ctx), { action: "suppression.revoke", targetType: "suppression", targetId: s.id, before: { scope: s.scope, reason: s.reason } });
  });
  await applySuppressions(getPool(), ctx.org.id);
};
