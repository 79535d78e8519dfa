import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { assessStoredScope, frameworkOrThrow, scopeClusterIds } from "./assess-scope";
import { ZScope } from "./scope";
import { serializeControl, serializeFramework, serializeSummary } from "./serialize";

/** Open, not suppressed findings per rule in a scope: the evidence count of each control. */
export const findingsByRule = async (orgId: string, clusterIds: string[] | undefined, namespace: string | undefined) => {
  const rows = await db.finding.groupBy({
    by: ["ruleId"],
    where: { orgId, status: { not: "resolved" }, suppressionId: null, ...(clusterIds ? { clusterId: { in: clusterIds } } : {}), ...(namespace ? { namespace } : {}) },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.ruleId, r._count._all]));
};

/** One framework over a scope: every control with its status, why, and how much evidence backs it. */
export const getCompliancePosture = async ({ ctx, framework, input }: { ctx: Ctx; framework: string; input: unknown }) => {
  requirePermission(ctx, "compliance.read");
  const fw = frameworkOrThrow(framework);
  const scope = ZScope.parse(input);
  const { assessment, coverageGaps } = await assessStoredScope(ctx.org.id, fw, scope);
  const counts = await findingsByRule(ctx.org.id, await scopeClusterIds(ctx.org.id, scope), scope.namespace);
  return {
    framework: serializeFramework(fw),
    scope: { cluster: scope.cluster ?? null, namespace: scope.namespace ?? null, clusters: assessment.scope.clusters ?? [] },
    ...serializeSummary(assessment),
    controls: assessment.controls.map((c) => serializeControl(c, counts)),
    coverageGaps,
  };
};
