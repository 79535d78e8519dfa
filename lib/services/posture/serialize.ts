import "server-only";
import type { FrameworkAssessment } from "@/lib/compliance/assess";
import type { AssessedControl, Framework } from "@/lib/compliance/types";

export type TControlStatus = AssessedControl["status"];

export const serializeFramework = (fw: Framework) => ({ key: fw.key, id: fw.id, name: fw.name, version: fw.version, source: fw.source, controls: fw.controls.length });

/** A control without its failing list (which can be long): counts only; the control page lists them. */
export const serializeControl = (c: AssessedControl, findingsByRule: Map<string, number>) => ({
  id: c.id,
  title: c.title,
  section: c.section,
  level: c.level ?? null,
  levelVerified: c.levelVerified ?? null,
  status: c.status,
  reason: c.reason,
  assessable: c.assessable,
  rules: c.rules,
  detections: c.detections,
  altIds: c.altIds ?? [],
  failingResources: c.failing.length,
  findings: c.rules.reduce((n, id) => n + (findingsByRule.get(id) ?? 0), 0),
});
export type TControlDto = ReturnType<typeof serializeControl>;

export const serializeSummary = (a: FrameworkAssessment) => ({
  score: a.score,
  scoreFormula: a.summary.scoreFormula,
  counts: { pass: a.summary.pass, fail: a.summary.fail, partial: a.summary.partial, notAssessable: a.summary["not-assessable"], notApplicable: a.summary["not-applicable"] },
  controls: a.summary.controls,
  failingResources: a.summary.failingResources,
  resources: a.scope.resources,
  generatedAt: a.generatedAt,
});
