import "server-only";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/** "Does not exist" and "not yours" get the same answer. */
export const getClusterInOrgOrThrow = async (ctx: Ctx, clusterId: string) => {
  const cluster = await db.cluster.findFirst({ where: { id: clusterId, orgId: ctx.org.id } });
  if (!cluster) throw new NotFoundError("Cluster");
  return cluster;
};
