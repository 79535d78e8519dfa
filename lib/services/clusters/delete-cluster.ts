import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";
import { getClusterInOrgOrThrow } from "./internal";

export const ZDeleteCluster = z.object({ confirmName: z.string().max(63) });

/** Removes the cluster, its credential and all its data; the caller must type the cluster's name. */
export const deleteCluster = async ({ ctx, clusterId, input }: { ctx: Ctx; clusterId: string; input: z.input<typeof ZDeleteCluster> }) => {
  requirePermission(ctx, "clusters.write");
  const { confirmName } = ZDeleteCluster.parse(input);
  const cluster = await getClusterInOrgOrThrow(ctx, clusterId);
  if (confirmName !== cluster.name) throw new ValidationError(`Type the cluster's name ("${cluster.name}") to confirm`);
  await db.$transaction(async (tx) => {
    await tx.cluster.delete({ where: { id: cluster.id } });
    await recordAudit(tx, actorOf(ctx), { action: "cluster.delete", targetType: "cluster", targetId: cluster.id, before: { name: cluster.name, server: cluster.server } });
  });
};
