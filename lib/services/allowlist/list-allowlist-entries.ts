import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TAllowListEntry } from "@/lib/client/investigations";
import { db } from "@/lib/db";
import { serializeAllowListEntry } from "./serialize";

/** Names for the clusters and authors that allow-list entries refer to, within the org only. */
export const allowListRefs = async (orgId: string) => {
  const [clusters, members] = await Promise.all([
    db.cluster.findMany({ where: { orgId }, select: { id: true, name: true } }),
    db.membership.findMany({ where: { orgId }, select: { userId: true, user: { select: { email: true } } } }),
  ]);
  return { clusters: new Map(clusters.map((c) => [c.id, c.name])), people: new Map(members.map((m) => [m.userId, m.user.email])) };
};

export const listAllowListEntries = async ({ ctx }: { ctx: Ctx }): Promise<TAllowListEntry[]> => {
  requirePermission(ctx, "investigations.read");
  const [rows, refs] = await Promise.all([db.auditAllowListEntry.findMany({ where: { orgId: ctx.org.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1000 }), allowListRefs(ctx.org.id)]);
  return rows.map((r) => serializeAllowListEntry(r, refs));
};
