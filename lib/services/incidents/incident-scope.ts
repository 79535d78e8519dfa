import "server-only";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

const MARGIN_MS = 15 * 60_000;

/** "Does not exist" and "not yours" get the same answer. */
export const getIncidentInOrgOrThrow = async (ctx: Ctx, incidentId: string) => {
  const incident = await db.incident.findFirst({ where: { id: incidentId, orgId: ctx.org.id }, include: { cluster: { select: { id: true, name: true } } } });
  if (!incident) throw new NotFoundError("Incident");
  return incident;
};

/** The events around an incident: its window widened by a margin, so the lead-up and aftermath show. */
export const incidentWindow = (i: { firstSeen: Date; lastSeen: Date }, now = Date.now()) => ({
  from: new Date(i.firstSeen.getTime() - MARGIN_MS),
  // Not into the future: an incident still going on ends its window now (but always after its last event).
  to: new Date(Math.max(i.lastSeen.getTime() + 1, Math.min(now, i.lastSeen.getTime() + MARGIN_MS))),
});
