import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TIncidentDto } from "@/lib/client/incidents";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";
import { ZUpdateIncident, type TUpdateIncidentInput } from "./incident-filters";
import { getIncidentInOrgOrThrow } from "./incident-scope";
import { peopleById, serializeIncident } from "./serialize-incident";

const isClosed = (s: string) => s.startsWith("closed_");

/**
 * Triage an incident: status, assignee, close reason. Closing as a false positive may also allow-list the
 * principal for the incident's detections (in its cluster or org-wide), in the same transaction.
 */
export const updateIncident = async ({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: TUpdateIncidentInput }): Promise<TIncidentDto & { allowListed: number }> => {
  requirePermission(ctx, "investigations.write");
  const u = ZUpdateIncident.parse(input);
  const before = await getIncidentInOrgOrThrow(ctx, incidentId);
  if (u.assigneeId) {
    const member = await db.membership.findUnique({ where: { orgId_userId: { orgId: ctx.org.id, userId: u.assigneeId } } });
    if (!member) throw new ValidationError("Invalid body", [{ name: "assigneeId", reason: "is not a member of this organization" }]);
  }
  const status = u.status ?? before.status;
  const closedAt = isClosed(status) ? (isClosed(before.status) && status === before.status ? before.closedAt : new Date()) : null;
  const { updated, allowListed } = await db.$transaction(async (tx) => {
    const updated = await tx.incident.update({
      where: { id: before.id },
      data: { status, closedAt, ...(u.assigneeId !== undefined ? { assigneeId: u.assigneeId } : {}), ...(u.closeReason !== undefined ? { closeReason: u.closeReason || null } : {}) },
      include: { cluster: { select: { id: true, name: true } }, _count: { select: { detections: true } } },
    });
    const pick = (i: typeof before) => ({ status: i.status, assigneeId: i.assigneeId, closeReason: i.closeReason });
    await recordAudit(tx, actorOf(ctx), { action: "incident.update", targetType: "incident", targetId: before.id, before: pick(before), after: pick(updated) });
    let allowListed = 0;
    if (u.allowList) {
      const clusterId = u.allowList.scope === "cluster" ? before.clusterId : null;
      const detectionIds = [...new Set((await tx.auditDetection.findMany({ where: { incidentId: before.id }, select: { detectionId: true } })).map((d) => d.detectionId))];
      for (const detectionId of detectionIds) {
        const exists = await tx.auditAllowListEntry.findFirst({ where: { orgId: ctx.org.id, clusterId, principal: before.principal, detectionId } });
        if (exists) continue;
        const reason = u.closeReason || `False positive: ${before.title}`;
        const entry = await tx.auditAllowListEntry.create({ data: { orgId: ctx.org.id, clusterId, principal: before.principal, detectionId, reason, createdById: ctx.user.id } });
        await recordAudit(tx, actorOf(ctx), { action: "allowlist.create", targetType: "allowlist", targetId: entry.id, after: { principal: entry.principal, detectionId, clusterId, reason, incidentId: before.id } });
        allowListed++;
      }
    }
    return { updated, allowListed };
  });
  const people = await peopleById(ctx.org.id, [updated.assigneeId]);
  return { ...serializeIncident(updated, { assignee: (updated.assigneeId && people.get(updated.assigneeId)) || null, detections: updated._count.detections }), allowListed };
};
