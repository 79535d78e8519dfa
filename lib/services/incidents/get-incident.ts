import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TIncidentDetail } from "@/lib/client/incidents";
import { db, getPool } from "@/lib/db";
import type { TEventScope } from "../investigations/event-scope";
import { unprocessedTails } from "../investigations/first-seen";
import { principalSummary } from "../investigations/principal-summary";
import { buildStory } from "./incident-story";
import { getIncidentInOrgOrThrow, incidentWindow } from "./incident-scope";
import { touchedResources } from "./incident-touched-resources";
import { peopleById, serializeDetection, serializeIncident } from "./serialize-incident";

/** An incident with everything an analyst needs to judge it: detections, timeline, story, principal, touched objects. */
export const getIncident = async ({ ctx, incidentId }: { ctx: Ctx; incidentId: string }): Promise<TIncidentDetail> => {
  requirePermission(ctx, "investigations.read");
  const incident = await getIncidentInOrgOrThrow(ctx, incidentId);
  const detections = (await db.auditDetection.findMany({ where: { incidentId: incident.id, orgId: ctx.org.id }, orderBy: [{ firstSeen: "asc" }, { id: "asc" }] })).map(serializeDetection);
  const scope = { clusterIds: [incident.clusterId], username: incident.principal, ...incidentWindow(incident) } satisfies TEventScope;
  const pool = getPool();
  const [{ timeline, sourceIps, userAgents }, story, touched, members] = await Promise.all([
    unprocessedTails(pool, scope.clusterIds).then((unprocessed) => principalSummary(pool, scope, unprocessed)),
    buildStory(pool, scope, detections),
    touchedResources(pool, { orgId: ctx.org.id, clusterId: incident.clusterId, scope }),
    db.membership.findMany({ where: { orgId: ctx.org.id, role: { in: ["owner", "admin", "analyst"] } }, include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
  ]);
  const people = await peopleById(ctx.org.id, [incident.assigneeId]);
  const bucketMs = timeline.bucketSeconds * 1000;
  return {
    ...serializeIncident(incident, { assignee: (incident.assigneeId && people.get(incident.assigneeId)) || null, detections: detections.length }),
    detectionList: detections,
    timeline,
    markers: detections.map((d, i) => ({ id: d.id, label: `D${i + 1}`, title: d.title, severity: d.severity, t: Math.floor(Date.parse(d.firstSeen) / bucketMs) * bucketMs })),
    story,
    sourceIps,
    userAgents,
    touched,
    assignees: members.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email })),
  };
};
