import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TPrincipalActivity } from "@/lib/client/investigations";
import { getPool } from "@/lib/db";
import { resolveOrgClusters } from "./cluster-scope";
import { listEvents } from "./event-queries";
import { pairKey, pairsUsedBefore, unprocessedTails } from "./first-seen";
import { principalSummary } from "./principal-summary";
import { resolveTimeRange, ZTimeRange } from "./time-range";

export const ZPrincipalQuery = ZTimeRange.extend({
  principal: z.string().min(1).max(512),
  cluster: z.string().min(1).max(64).optional(),
});

/** Everything a user or service account did in a time range, across the org's clusters or one of them. */
export const getPrincipalActivity = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZPrincipalQuery> }): Promise<TPrincipalActivity> => {
  requirePermission(ctx, "investigations.read");
  const q = ZPrincipalQuery.parse(input);
  const clusters = await resolveOrgClusters(ctx, q.cluster);
  const { from, to } = resolveTimeRange(q);
  const scope = { clusterIds: clusters.map((c) => c.id), from, to, username: q.principal };
  const pool = getPool();
  const unprocessed = await unprocessedTails(pool, scope.clusterIds);
  const [summary, before, events] = await Promise.all([principalSummary(pool, scope, unprocessed), pairsUsedBefore(pool, scope, unprocessed), listEvents(pool, scope, { limit: 200 })]);
  return {
    principal: q.principal,
    isServiceAccount: q.principal.startsWith("system:serviceaccount:"),
    from: from.toISOString(),
    to: to.toISOString(),
    clusters,
    total: summary.timeline.points.reduce((n, p) => n + p.events, 0),
    // A pair is "first seen" when the principal did not use it in the cluster's retained events before the range.
    activity: summary.pairs.map((x) => ({ ...x, isFirstSeen: !before.has(pairKey(x.clusterId, x.verb, x.resource)) })),
    sourceIps: summary.sourceIps,
    userAgents: summary.userAgents,
    timeline: summary.timeline,
    events,
  };
};
