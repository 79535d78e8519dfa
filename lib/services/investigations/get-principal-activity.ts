import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TActivityRow, TPrincipalActivity } from "@/lib/client/investigations";
import { getPool } from "@/lib/db";
import { resolveOrgClusters } from "./cluster-scope";
import { countEventsPerBucket, listEvents, seenValues } from "./event-queries";
import { pairKey, pairsUsedBefore } from "./first-seen";
import { scopeWhere, type TEventScope } from "./event-scope";
import { resolveTimeRange, ZTimeRange } from "./time-range";

export const ZPrincipalQuery = ZTimeRange.extend({
  principal: z.string().min(1).max(512),
  cluster: z.string().min(1).max(64).optional(),
});

/**
 * Counts per cluster, verb and resource in the range. A pair is "first seen" when the principal did not use
 * it in the cluster's retained events before the range: new behaviour stands out. Only the range is read
 * from audit_events; what came before is answered by AuditFirstSeen.
 */
const activity = async (scope: TEventScope & { username: string }): Promise<TActivityRow[]> => {
  const { where, params } = scopeWhere(scope);
  const pool = getPool();
  const [r, before] = await Promise.all([
    pool.query<{ cluster_id: string; verb: string; resource: string; events: string; first: Date; last: Date }>(
      `select cluster_id, verb, coalesce(resource || coalesce('/' || subresource, ''), '') as resource,
              count(distinct audit_id) as events, min(ts) as first, max(ts) as last
         from audit_events where ${where} group by 1, 2, 3
        order by events desc, verb, resource limit 500`,
      params,
    ),
    pairsUsedBefore(pool, scope),
  ]);
  return r.rows.map((x) => ({ clusterId: x.cluster_id, verb: x.verb, resource: x.resource, events: Number(x.events), firstSeen: x.first.toISOString(), lastSeen: x.last.toISOString(), isFirstSeen: !before.has(pairKey(x.cluster_id, x.verb, x.resource)) }));
};

/** Everything a user or service account did in a time range, across the org's clusters or one of them. */
export const getPrincipalActivity = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZPrincipalQuery> }): Promise<TPrincipalActivity> => {
  requirePermission(ctx, "investigations.read");
  const q = ZPrincipalQuery.parse(input);
  const clusters = await resolveOrgClusters(ctx, q.cluster);
  const { from, to } = resolveTimeRange(q);
  const scope = { clusterIds: clusters.map((c) => c.id), from, to, username: q.principal };
  const pool = getPool();
  const [rows, sourceIps, userAgents, timeline, events] = await Promise.all([
    activity(scope),
    seenValues(pool, scope, "source_ip"),
    seenValues(pool, scope, "user_agent"),
    countEventsPerBucket(pool, scope),
    listEvents(pool, scope, { limit: 200 }),
  ]);
  return {
    principal: q.principal,
    isServiceAccount: q.principal.startsWith("system:serviceaccount:"),
    from: from.toISOString(),
    to: to.toISOString(),
    clusters,
    total: timeline.points.reduce((n, p) => n + p.events, 0),
    activity: rows,
    sourceIps,
    userAgents,
    timeline,
    events,
  };
};
