import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TResourceActivity } from "@/lib/client/investigations";
import { getPool } from "@/lib/db";
import { resolveOrgClusters } from "./cluster-scope";
import { listEvents } from "./event-queries";
import { scopeWhere, type TEventScope } from "./event-scope";
import { resolveTimeRange, ZTimeRange } from "./time-range";

export const ZResourceQuery = ZTimeRange.extend({
  cluster: z.string().min(1).max(64),
  /** Empty: a cluster-scoped object; "*": any namespace. */
  namespace: z.string().max(253).default(""),
  resource: z.string().min(1).max(253),
  /** Empty: every object of that resource. */
  name: z.string().max(253).default(""),
});

/** Who touched an object (or every object of a resource in a namespace) and how: per principal and verb. */
export const getResourceActivity = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZResourceQuery> }): Promise<TResourceActivity> => {
  requirePermission(ctx, "investigations.read");
  const q = ZResourceQuery.parse(input);
  const [cluster] = await resolveOrgClusters(ctx, q.cluster);
  const { from, to } = resolveTimeRange(q);
  const scope: TEventScope = { clusterIds: [cluster.id], from, to, namespace: q.namespace === "" ? null : q.namespace, resource: q.resource, ...(q.name ? { name: q.name } : {}) };
  const { where, params } = scopeWhere(scope);
  const pool = getPool();
  const [touchers, events] = await Promise.all([
    pool.query<{ username: string; verb: string; subresource: string | null; events: string; denied: string; first: Date; last: Date }>(
      `select username, verb, subresource, count(distinct audit_id) as events,
              count(distinct audit_id) filter (where code >= 400 or decision = 'forbid') as denied, min(ts) as first, max(ts) as last
         from audit_events where ${where} group by 1, 2, 3 order by events desc, username limit 500`,
      params,
    ),
    listEvents(pool, scope, { limit: 200 }),
  ]);
  const rows = touchers.rows.map((x) => ({ username: x.username, verb: x.verb, subresource: x.subresource, events: Number(x.events), denied: Number(x.denied), firstSeen: x.first.toISOString(), lastSeen: x.last.toISOString() }));
  return { cluster, namespace: q.namespace, resource: q.resource, name: q.name, from: from.toISOString(), to: to.toISOString(), total: rows.reduce((n, r) => n + r.events, 0), touchers: rows, events };
};
