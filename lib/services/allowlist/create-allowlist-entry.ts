import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TAllowListEntry } from "@/lib/client/investigations";
import { DETECTIONS } from "@/lib/audit";
import { db } from "@/lib/db";
import { recordAudit } from "../audit/record-audit";
import { resolveOrgClusters } from "../investigations/cluster-scope";
import { actorOf } from "../internal";
import { allowListRefs } from "./list-allowlist-entries";
import { serializeAllowListEntry } from "./serialize";

const KNOWN = new Set(DETECTIONS.map((d) => d.id));

export const ZCreateAllowListEntry = z.object({
  /** A username, or a prefix ending in "*" ("system:serviceaccount:ci:*"). A bare "*" would silence everyone. */
  principal: z.string().trim().min(2).max(512).refine((p) => p.replace(/\*$/, "").length >= 2, "is too broad"),
  detectionId: z.string().refine((d) => KNOWN.has(d), "is not a known detection").nullish(),
  clusterId: z.string().min(1).max(64).nullish(),
  reason: z.string().trim().min(3, "Say why this activity is expected").max(1000),
});

export const createAllowListEntry = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZCreateAllowListEntry> }): Promise<TAllowListEntry> => {
  requirePermission(ctx, "investigations.write");
  const data = ZCreateAllowListEntry.parse(input);
  if (data.clusterId) await resolveOrgClusters(ctx, data.clusterId);
  const entry = await db.$transaction(async (tx) => {
    const e = await tx.auditAllowListEntry.create({ data: { orgId: ctx.org.id, principal: data.principal, detectionId: data.detectionId ?? null, clusterId: data.clusterId ?? null, reason: data.reason, createdById: ctx.user.id } });
    await recordAudit(tx, actorOf(ctx), { action: "allowlist.create", targetType: "allowlist", targetId: e.id, after: { principal: e.principal, detectionId: e.detectionId, clusterId: e.clusterId, reason: e.reason } });
    return e;
  });
  return serializeAllowListEntry(entry, await allowListRefs(ctx.org.id));
};
