import type { ReportDocument } from "./document";

/**
 * The `tower report --format json` document: the contract's keys (framework, scope, score, controls with id, title,
 * status, rules, failing) come first, extensions after (shared/spec/cli-contract.md: extend, never rename).
 */
export const toReportJson = (doc: ReportDocument) => ({
  framework: doc.framework,
  scope: doc.scope,
  score: doc.score,
  controls: doc.controls.map((c) => ({
    id: c.id,
    title: c.title,
    status: c.status,
    rules: c.rules,
    failing: c.failing.map((f) => ({
      apiVersion: f.apiVersion,
      kind: f.kind,
      namespace: f.namespace,
      name: f.name,
      ruleId: f.ruleId,
      ...(f.cluster ? { cluster: f.cluster } : {}),
      ...(f.message ? { message: f.message } : {}),
    })),
    section: c.section,
    ...(c.level !== undefined ? { level: c.level, levelVerified: !!c.levelVerified } : {}),
    assessable: c.assessable,
    detections: c.detections,
    reason: c.reason,
    ...(c.altIds ? { altIds: c.altIds } : {}),
    ...(c.remediation ? { remediation: c.remediation } : {}),
  })),
  summary: doc.summary,
  generatedAt: doc.generatedAt,
  coverageGaps: doc.coverageGaps,
  ...(doc.namespaces ? { namespaces: doc.namespaces } : {}),
});

export const renderJson = (doc: ReportDocument): string => `${JSON.stringify(toReportJson(doc), null, 2)}\n`;
