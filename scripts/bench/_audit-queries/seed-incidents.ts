/**
 * Incidents and their detections for bench:audit-queries: per cluster, one on the heaviest service account
 * (a 2-hour window with tens of thousands of its events), one on a human (20 minutes), and `perCluster`
 * more on other principals over the 7 days. Each detection cites up to 3 real events of its principal.
 */
import type pg from "pg";
import { DETECTIONS } from "../../../lib/audit";
import { benchPrincipals, HEAVY_PRINCIPAL, HUMAN_PRINCIPAL } from "./principals";

const HOUR_MS = 3_600_000;

const INCIDENTS = `
insert into "Incident" (id, "orgId", "clusterId", title, severity, status, principal, "firstSeen", "lastSeen", "createdAt", "updatedAt")
select 'inc-' || $2 || '-' || g, $1, $2, ($3::text[])[1 + g % cardinality($3::text[])], ($4::text[])[1 + g % cardinality($4::text[])]::"Severity",
       (array['open', 'investigating', 'closed_true_positive', 'closed_false_positive', 'closed_false_positive'])[1 + (g * 7) % 5]::"IncidentStatus",
       ($5::text[])[1 + (g * 13) % cardinality($5::text[])], f, f + (g % 12) * interval '10 minutes', f, now()
  from generate_series(1, $6::int) g, lateral (select $7::timestamptz + ((g * 7919) % 10000) / 10000.0 * ($8::float8 * interval '1 millisecond') as f) t`;

const DETECTIONS_SQL = `
insert into "AuditDetection" (id, "orgId", "clusterId", fingerprint, "detectionId", title, severity, principal, message, "auditIds", refs, "firstSeen", "lastSeen", "incidentId")
select 'det-' || i.id || '-' || k, i."orgId", i."clusterId", md5(i.id || k), ($2::text[])[1 + (abs(hashtext(i.id)) + k) % cardinality($2::text[])], i.title, i.severity, i.principal,
       i.principal || ' did something the detection flags', array(select e.audit_id from audit_events e where e.cluster_id = i."clusterId" and e.username = i.principal
         and e.ts >= i."firstSeen" and e.ts <= i."lastSeen" + interval '1 minute' order by e.ts limit 3), '{"mitre":["T1609"],"ms":[],"falco":[]}', i."firstSeen", i."lastSeen", i.id
  from "Incident" i cross join generate_series(1, 1 + abs(hashtext(i.id)) % 3) k where i."orgId" = $1`;

export type BenchIncidents = { heavy: string[]; human: string[]; other: string[] };

export const seedIncidents = async (pool: pg.Pool, opts: { orgId: string; clusterIds: string[]; from: Date; to: Date; perCluster: number }): Promise<BenchIncidents> => {
  const others = benchPrincipals().filter((p) => p.kind !== "heavy" && p.kind !== "node").map((p) => p.username);
  const detections = DETECTIONS.slice(0, 20);
  const span = opts.to.getTime() - opts.from.getTime() - 3 * HOUR_MS;
  const out: BenchIncidents = { heavy: [], human: [], other: [] };
  for (const clusterId of opts.clusterIds) {
    await pool.query(INCIDENTS, [opts.orgId, clusterId, detections.map((d) => d.title), detections.map((d) => d.severity), others, opts.perCluster, opts.from, span]);
    const pinned = [
      { id: `inc-${clusterId}-heavy`, principal: HEAVY_PRINCIPAL, firstSeen: new Date(opts.to.getTime() - 3 * HOUR_MS), lastSeen: new Date(opts.to.getTime() - HOUR_MS) },
      { id: `inc-${clusterId}-human`, principal: HUMAN_PRINCIPAL, firstSeen: new Date(opts.to.getTime() - 48 * HOUR_MS), lastSeen: new Date(opts.to.getTime() - 48 * HOUR_MS + 20 * 60_000) },
    ];
    for (const p of pinned) {
      await pool.query(
        `insert into "Incident" (id, "orgId", "clusterId", title, severity, status, principal, "firstSeen", "lastSeen", "updatedAt") values ($1, $2, $3, $4, 'high', 'open', $5, $6, $7, now())`,
        [p.id, opts.orgId, clusterId, detections[0].title, p.principal, p.firstSeen, p.lastSeen],
      );
    }
    out.heavy.push(pinned[0].id);
    out.human.push(pinned[1].id);
    out.other.push(...Array.from({ length: Math.min(opts.perCluster, 10) }, (_, g) => `inc-${clusterId}-${g + 1}`));
  }
  await pool.query(DETECTIONS_SQL, [opts.orgId, detections.map((d) => d.id)]);
  return out;
};
