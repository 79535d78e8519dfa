import "server-only";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type TClusterRef = { id: string; name: string };

/**
 * audit_events has no org column: every read names the clusters first, resolved here from the caller's
 * org. Asking for a cluster that is not the caller's is answered as if it did not exist.
 */
export const resolveOrgClusters = async (ctx: Ctx, requested?: string | string[]): Promise<TClusterRef[]> => {
  const ids = requested === undefined ? undefined : [requested].flat();
  const clusters = await db.cluster.findMany({ where: { orgId: ctx.org.id, ...(ids ? { id: { in: ids } } : {}) }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (ids && clusters.length !== new Set(ids).size) throw new NotFoundError("Cluster");
  return clusters;
};
