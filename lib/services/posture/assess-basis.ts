import "server-only";
import { assessFramework, type FrameworkAssessment } from "@/lib/compliance/assess";
import { kindsReadBy } from "@/lib/compliance/targets";
import type { ComplianceFinding, CoverageGap, Framework } from "@/lib/compliance/types";
import type { Severity } from "@/lib/scanner/types";
import { mappingSources, type ScopeBasis } from "./scope-basis";

export type StoredAssessment = { assessment: FrameworkAssessment; coverageGaps: CoverageGap[] };

/** In a namespace, a rule "ran" only if the namespace holds an object of a kind it reads. */
const rulesRunIn = (basis: ScopeBasis): string[] => {
  const all = new Set(basis.clusters.flatMap((c) => c.rulesRun));
  if (!basis.namespaceKinds) return [...all];
  const byId = new Map(mappingSources().rules.map((r) => [r.id, r]));
  return [...all].filter((id) => {
    const rule = byId.get(id);
    return !!rule && kindsReadBy(rule).some((k) => basis.namespaceKinds!.has(k));
  });
};

const gapsOf = (basis: ScopeBasis): CoverageGap[] => {
  const byKind = new Map<string, CoverageGap>();
  for (const c of basis.clusters) for (const g of c.gaps) if (!byKind.has(g.kind)) byKind.set(g.kind, basis.clusters.length > 1 ? { ...g, reason: `${c.name}: ${g.reason}` } : g);
  return [...byKind.values()];
};

/**
 * The stored findings of a scope, assessed by lib/compliance exactly as `tower report` assesses a scan: open and
 * not suppressed findings, the rules that ran in each cluster's latest succeeded scan, and that scan's coverage gaps.
 * Clusters never scanned successfully contribute nothing.
 */
export const assessBasis = (basis: ScopeBasis, framework: Framework, now: Date): StoredAssessment => {
  const nameOf = new Map(basis.clusters.map((c) => [c.id, c.name]));
  const scanned = basis.clusters.filter((c) => c.scanned);
  const findings: ComplianceFinding[] = basis.findings.map((f) => ({
    ruleId: f.ruleId,
    resource: { apiVersion: f.apiVersion, kind: f.kind, name: f.name, ...(f.namespace ? { namespace: f.namespace } : {}) },
    message: f.message,
    severity: f.severity as Severity,
    cluster: nameOf.get(f.clusterId),
  }));
  const coverageGaps = gapsOf(basis);
  const auditActive = !basis.namespace && scanned.some((c) => c.auditActive);
  const sources = mappingSources();
  const assessment = assessFramework({
    framework,
    findings,
    rulesRun: rulesRunIn({ ...basis, clusters: scanned }),
    coverageGaps,
    scope: {
      resources: scanned.reduce((n, c) => n + c.resources, 0),
      clusters: scanned.map((c) => c.name),
      ...(basis.namespace ? { namespaces: [basis.namespace] } : {}),
    },
    sources,
    ...(auditActive ? { audit: { detectionsRun: sources.detections.map((d) => d.id), fired: [...new Set(basis.detectionsFired.map((d) => d.detectionId))] } } : {}),
    now,
  });
  return { assessment, coverageGaps };
};
