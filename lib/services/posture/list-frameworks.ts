import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { FRAMEWORKS } from "@/lib/compliance/frameworks";
import { db } from "@/lib/db";
import { assessBasis } from "./assess-basis";
import { loadScopeBasis } from "./scope-basis";
import { serializeFramework, serializeSummary } from "./serialize";

/** Clusters and their namespaces (from the inventory), for the scope filters of the compliance pages. */
export const listScopeOptions = async (orgId: string) => {
  const clusters = await db.cluster.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const namespaces = await db.inventoryObject.findMany({ where: { clusterId: { in: clusters.map((c) => c.id) }, kind: "Namespace" }, select: { clusterId: true, name: true }, orderBy: { name: "asc" } });
  return clusters.map((c) => ({ ...c, namespaces: namespaces.filter((n) => n.clusterId === c.id).map((n) => n.name) }));
};

export const listComplianceScopes = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "compliance.read");
  return listScopeOptions(ctx.org.id);
};

/** Every framework with the fleet's current score, and the scopes one can filter by. */
export const listComplianceFrameworks = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "compliance.read");
  const now = new Date();
  const basis = await loadScopeBasis(ctx.org.id, { now });
  const scanned = basis.clusters.some((c) => c.scanned);
  return {
    frameworks: Object.values(FRAMEWORKS).map((fw) => ({ ...serializeFramework(fw), posture: scanned ? serializeSummary(assessBasis(basis, fw, now).assessment) : null })),
    clusters: await listScopeOptions(ctx.org.id),
  };
};
