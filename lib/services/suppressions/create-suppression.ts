import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db, getPool } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";
import { applySuppressions } from "./apply-suppressions";

export const ZCreateSuppression = z.object({
  findingId: z.string().min(1).max(64),
  scope: z.enum(["finding", "resource", "namespace", "rule"]),
  reason: z.string().trim().min(3, "Say why the risk is accepted").max(1000),
  expiresAt: z.iso.datetime().optional(),
});

/**
 * Accept a risk (analyst and up). The scope is taken from a finding the caller can see: that finding,
 * its resource, its namespace (in its cluster) or its rule (in its cluster). Matching findings are hidden
 * until the suppression expires or is revoked.
 */
export const createSuppression = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZCreateSuppression> }) => {
  requirePermission(ctx, "findings.write");
  const data = ZCreateSuppression.parse(input);
  if (data.expiresAt && new Date(data.expiresAt) <= new Date()) throw new z.ZodError([{ code: "custom", path: ["expiresAt"], message: "must be in the future", input: data.expiresAt }]);
  const f = await db.finding.findFirst({ where: { id: data.findingId, orgId: ctx.org.id } });
  if (!f) throw new NotFoundError("Finding");
  const scope = {
    finding: { findingId: f.id },
    resource: { clusterId: f.clusterId, kind: f.kind, namespace: f.namespace, name: f.name },
    namespace: { clusterId: f.clusterId, namespace: f.namespace },
    rule: { clusterId: f.clusterId, ruleId: f.ruleId },
  }[data.scope];
  const suppression = await db.$transaction(async (tx) => {
    const s = await tx.suppression.create({ data: { orgId: ctx.org.id, scope: data.scope, ...scope, reason: data.reason, expiresAt: data.expiresAt ? new Date(data.expiresAt) : null, createdById: ctx.user.id } });
    await recordAudit(tx, actorOf(ctx), { action: "suppression.create", targetType: "suppression", targetId: s.id, after: { scope: data.scope, ...scope, reason: data.reason, expiresAt: data.expiresAt ?? null, ruleId: f.ruleId } });
    return s;
  });
  await applySuppressions(getPool(), ctx.org.id);
  const hidden = await db.finding.count({ where: { suppressionId: suppression.id } });
  return { id: suppression.id, scope: suppression.scope, reason: suppression.reason, expiresAt: suppression.expiresAt?.toISOString() ?? null, findingsHidden: hidden };
};
