import "server-only";
import { stringify } from "yaml";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { RULES } from "@/lib/scanner/rules";
import { serializeFinding } from "./serialize";

/** A finding with its rule's explanation and the object's YAML (as last scanned, Secret values never stored). */
export const getFinding = async ({ ctx, findingId }: { ctx: Ctx; findingId: string }) => {
  requirePermission(ctx, "findings.read");
  const f = await db.finding.findFirst({
    where: { id: findingId, orgId: ctx.org.id },
    include: { cluster: { select: { name: true, lastGoodScanAt: true } }, suppression: { select: { id: true, reason: true, expiresAt: true } } },
  });
  if (!f) throw new NotFoundError("Finding");
  const object = await db.inventoryObject.findUnique({ where: { clusterId_kind_namespace_name: { clusterId: f.clusterId, kind: f.kind, namespace: f.namespace, name: f.name } } });
  const rule = RULES.find((r) => r.id === f.ruleId);
  const others = await db.finding.findMany({
    where: { orgId: ctx.org.id, clusterId: f.clusterId, kind: f.kind, namespace: f.namespace, name: f.name, id: { not: f.id }, status: { not: "resolved" } },
    select: { id: true, ruleName: true, title: true, severity: true },
    take: 50,
  });
  return {
    ...serializeFinding(f),
    description: rule?.description ?? null,
    remediation: f.remediation,
    references: rule?.references ?? [],
    refs: rule?.refs ?? {},
    objectYaml: object ? stringify(object.body, { lineWidth: 0 }) : null,
    otherFindings: others,
  };
};
