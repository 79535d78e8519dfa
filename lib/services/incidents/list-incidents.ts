import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TIncidentPage } from "@/lib/client/incidents";
import { db, type DbTypes } from "@/lib/db";
import { ZIncidentFilters, type TIncidentFiltersInput } from "./incident-filters";
import { peopleById, serializeIncident } from "./serialize-incident";

/** One page of incidents, most recent activity first, always scoped to the caller's organization. */
export const listIncidents = async ({ ctx, input }: { ctx: Ctx; input: TIncidentFiltersInput }): Promise<TIncidentPage> => {
  requirePermission(ctx, "investigations.read");
  const f = ZIncidentFilters.parse(input);
  const where: DbTypes.IncidentWhereInput = {
    orgId: ctx.org.id,
    ...(f.status ? { status: { in: f.status } } : {}),
    ...(f.severity ? { severity: { in: f.severity } } : {}),
    ...(f.cluster ? { clusterId: { in: f.cluster } } : {}),
    ...(f.principal ? { principal: { contains: f.principal, mode: "insensitive" } } : {}),
    ...(f.from ? { lastSeen: { gte: new Date(f.from) } } : {}),
    ...(f.to ? { firstSeen: { lte: new Date(f.to) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.incident.count({ where }),
    db.incident.findMany({
      where,
      orderBy: [{ lastSeen: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      include: { cluster: { select: { id: true, name: true } }, _count: { select: { detections: true } } },
    }),
  ]);
  const people = await peopleById(ctx.org.id, rows.map((r) => r.assigneeId));
  return {
    items: rows.map((r) => serializeIncident(r, { assignee: (r.assigneeId && people.get(r.assigneeId)) || null, detections: r._count.detections })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
};
