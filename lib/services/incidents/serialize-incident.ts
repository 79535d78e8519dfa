import "server-only";
import type { TDetectionDto, TIncidentDto, TPerson } from "@/lib/client/incidents";
import { DETECTIONS } from "@/lib/audit";
import { db } from "@/lib/db";

type IncidentRow = {
  id: string; title: string; severity: TIncidentDto["severity"]; status: TIncidentDto["status"]; principal: string; assigneeId: string | null;
  firstSeen: Date; lastSeen: Date; closedAt: Date | null; closeReason: string | null; createdAt: Date; cluster: { id: string; name: string };
};

export const serializeIncident = (i: IncidentRow, extra: { assignee: TPerson | null; detections: number }): TIncidentDto => ({
  id: i.id,
  title: i.title,
  severity: i.severity,
  status: i.status,
  principal: i.principal,
  cluster: { id: i.cluster.id, name: i.cluster.name },
  assignee: extra.assignee,
  detections: extra.detections,
  firstSeen: i.firstSeen.toISOString(),
  lastSeen: i.lastSeen.toISOString(),
  closedAt: i.closedAt?.toISOString() ?? null,
  closeReason: i.closeReason,
  createdAt: i.createdAt.toISOString(),
});

/** Assignees by user id, restricted to members of the org (a removed member shows as unassigned). */
export const peopleById = async (orgId: string, ids: Array<string | null>): Promise<Map<string, TPerson>> => {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.membership.findMany({ where: { orgId, userId: { in: wanted } }, include: { user: { select: { id: true, name: true, email: true } } } });
  return new Map(rows.map((m) => [m.userId, { id: m.user.id, name: m.user.name, email: m.user.email }]));
};

const META = new Map(DETECTIONS.map((d) => [d.id, d]));

type DetectionRow = { id: string; detectionId: string; title: string; severity: TDetectionDto["severity"]; message: string; refs: unknown; auditIds: string[]; firstSeen: Date; lastSeen: Date };

export const serializeDetection = (d: DetectionRow): TDetectionDto => ({
  id: d.id,
  detectionId: d.detectionId,
  title: d.title,
  severity: d.severity,
  message: d.message,
  tactic: META.get(d.detectionId)?.tactic ?? null,
  description: META.get(d.detectionId)?.description ?? null,
  refs: (d.refs as TDetectionDto["refs"]) ?? {},
  auditIds: d.auditIds,
  firstSeen: d.firstSeen.toISOString(),
  lastSeen: d.lastSeen.toISOString(),
});
