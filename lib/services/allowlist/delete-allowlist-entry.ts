import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";

/** Detections fire again for the principal from the next batch on; past incidents are not reopened. */
export const deleteAllowListEntry = async ({ ctx, entryId }: { ctx: Ctx; entryId: string }) => {
  requirePermission(ctx, "investigations.write");
  await db.$transaction(async (tx) => {
    const e = await tx.auditAllowListEntry.findFirst({ where: { id: entryId, orgId: ctx.org.id } });
    if (!e) throw new NotFoundError("Allow-list entry");
    await tx.auditAllowListEntry.delete({ where: { id: e.id } });
    await recordAudit(tx, actorOf(ctx), { action: "allowlist.delete", targetType: "allowlist", targetId: e.id, before: { principal: e.principal, detectionId: e.detectionId, clusterId: e.clusterId, reason: e.reason } });
  });
};
