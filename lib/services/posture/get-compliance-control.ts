import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { RULES } from "@/lib/scanner/rules";
import { assessStoredScope, frameworkOrThrow, scopeClusterIds } from "./assess-scope";
import { findingsByRule } from "./get-compliance-posture";
import { ZScope } from "./scope";
import { serializeControl, serializeFramework } from "./serialize";

const MAX_FINDINGS = 1000;

/** One control: its status and reason, the rules behind it, and its failing resources with their findings. */
export const getComplianceControl = async ({ ctx, framework, controlId, input }: { ctx: Ctx; framework: string; controlId: string; input: unknown }) => {
  requirePermission(ctx, "compliance.read");
  const fw = frameworkOrThrow(framework);
  const definition = fw.controls.find((c) => c.id === controlId);
  if (!definition) throw new NotFoundError("Control");
  const scope = ZScope.parse(input);
  const { assessment } = await assessStoredScope(ctx.org.id, fw, scope);
  const control = assessment.controls.find((c) => c.id === controlId)!;
  const clusterIds = await scopeClusterIds(ctx.org.id, scope);
  const rows = control.rules.length
    ? await db.finding.findMany({
        where: { orgId: ctx.org.id, ruleId: { in: control.rules }, status: { not: "resolved" }, suppressionId: null, ...(clusterIds ? { clusterId: { in: clusterIds } } : {}), ...(scope.namespace ? { namespace: scope.namespace } : {}) },
        select: { id: true, clusterId: true, ruleId: true, title: true, severity: true, message: true, status: true, apiVersion: true, kind: true, namespace: true, name: true, firstSeenAt: true, cluster: { select: { name: true } } },
        orderBy: [{ severity: "asc" }, { namespace: "asc" }, { kind: "asc" }, { name: "asc" }, { id: "asc" }],
        take: MAX_FINDINGS + 1,
      })
    : [];
  const resources = new Map<string, { clusterId: string; cluster: string; apiVersion: string; kind: string; namespace: string; name: string; findings: Array<{ id: string; ruleId: string; title: string; severity: string; message: string; status: string; firstSeenAt: string }> }>();
  for (const f of rows.slice(0, MAX_FINDINGS)) {
    const key = [f.clusterId, f.namespace, f.kind, f.name].join("\u0000");
    const r = resources.get(key) ?? { clusterId: f.clusterId, cluster: f.cluster.name, apiVersion: f.apiVersion, kind: f.kind, namespace: f.namespace, name: f.name, findings: [] };
    r.findings.push({ id: f.id, ruleId: f.ruleId, title: f.title, severity: f.severity, message: f.message, status: f.status, firstSeenAt: f.firstSeenAt.toISOString() });
    resources.set(key, r);
  }
  const rules = RULES.filter((r) => control.rules.includes(r.id)).map((r) => ({ id: r.id, name: r.name, title: r.title, severity: r.severity, remediation: r.remediation }));
  return {
    framework: serializeFramework(fw),
    scope: { cluster: scope.cluster ?? null, namespace: scope.namespace ?? null },
    control: { ...serializeControl(control, await findingsByRule(ctx.org.id, clusterIds, scope.namespace)), notes: control.notes, assessedBy: definition.assessedBy ?? null },
    rules,
    resources: [...resources.values()],
    truncated: rows.length > MAX_FINDINGS,
  };
};
