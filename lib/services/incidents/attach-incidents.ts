import "server-only";
import type pg from "pg";
import { groupIncidents, type Incident } from "@/lib/audit";
import type { StoredDetection } from "./persist-detections";

const GAP_MS = 30 * 60_000;
const RANK = ["info", "low", "medium", "high", "critical"];
const higher = (a: string, b: string) => (RANK.indexOf(a) >= RANK.indexOf(b) ? a : b);

const titleOf = (g: Incident) => {
  const top = g.detections.find((d) => d.severity === g.severity) ?? g.detections[0];
  const others = g.detectionIds.length - 1;
  return others > 0 ? `${top.title} and ${others} more` : top.title;
};

type OpenIncident = { id: string; severity: string; title: string };

const findOpen = async (c: pg.ClientBase, clusterId: string, g: Incident) =>
  (
    await c.query<OpenIncident>(
      `select id, severity::text, title from "Incident"
        where "clusterId" = $1 and principal = $2 and status in ('open', 'investigating')
          and "lastSeen" >= $3::timestamptz - make_interval(secs => $5) and "firstSeen" <= $4::timestamptz + make_interval(secs => $5)
        order by "lastSeen" desc limit 1 for update`,
      [clusterId, g.principal, g.firstSeen, g.lastSeen, GAP_MS / 1000],
    )
  ).rows[0];

/**
 * Groups new detections into incidents (same principal, windows within 30 minutes) and either extends
 * the principal's open incident that overlaps (window widened, severity rolled up) or opens a new one.
 */
export const attachIncidents = async (c: pg.ClientBase, input: { orgId: string; clusterId: string; stored: readonly StoredDetection[] }) => {
  if (!input.stored.length) return { created: 0, extended: 0 };
  const idOf = new Map(input.stored.map((s) => [s.record, s.id]));
  let created = 0;
  let extended = 0;
  for (const g of groupIncidents(input.stored.map((s) => s.record), { gapMs: GAP_MS })) {
    const open = await findOpen(c, input.clusterId, g);
    let incidentId: string;
    if (open) {
      const severity = higher(open.severity, g.severity);
      await c.query(
        `update "Incident" set severity = $2::"Severity", title = $3, "firstSeen" = least("firstSeen", $4::timestamptz), "lastSeen" = greatest("lastSeen", $5::timestamptz), "updatedAt" = now() where id = $1`,
        [open.id, severity, severity === open.severity ? open.title : titleOf(g), g.firstSeen, g.lastSeen],
      );
      incidentId = open.id;
      extended++;
    } else {
      const r = await c.query<{ id: string }>(
        `insert into "Incident" (id, "orgId", "clusterId", title, severity, principal, "firstSeen", "lastSeen", "updatedAt")
         values (gen_random_uuid()::text, $1, $2, $3, $4::"Severity", $5, $6, $7, now()) returning id`,
        [input.orgId, input.clusterId, titleOf(g), g.severity, g.principal, g.firstSeen, g.lastSeen],
      );
      incidentId = r.rows[0].id;
      created++;
    }
    await c.query(`update "AuditDetection" set "incidentId" = $1 where id = any($2::text[])`, [incidentId, g.detections.map((d) => idOf.get(d)!)]);
  }
  return { created, extended };
};
