import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { getClusterInOrgOrThrow } from "../clusters/internal";

export const ZListRejected = z.object({ clusterId: z.string().min(1).max(64), limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().min(1).max(64).optional() });

/** Events the pipeline could not store, newest first, with the reason and the raw text (admins: it may hold request data). */
export const listRejectedEvents = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZListRejected> }) => {
  requirePermission(ctx, "audit.read");
  const q = ZListRejected.parse(input);
  const cluster = await getClusterInOrgOrThrow(ctx, q.clusterId);
  const rows = await db.auditRejectedEvent.findMany({
    where: { clusterId: cluster.id },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: q.limit,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  return {
    items: rows.map((r) => ({ id: r.id, receivedAt: r.receivedAt.toISOString(), reason: r.reason, raw: r.raw })),
    nextCursor: rows.length === q.limit ? rows[rows.length - 1].id : null,
  };
};
