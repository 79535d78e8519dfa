import type { FrameworkAssessment } from "../compliance/assess";
import { pssNamespaces, type NamespacePosture } from "../compliance/pss-namespaces";
import type { AssessedControl, CoverageGap, RuleInfo } from "../compliance/types";
import type { Severity } from "../scanner/types";

export type Remediation = { ruleId: string; title: string; severity: Severity; text: string };

export type ReportControl = AssessedControl & { remediation?: Remediation[] };

/** Everything a renderer needs: the assessment plus remediation text, coverage gaps and, for PSS, namespace levels. */
export type ReportDocument = Omit<FrameworkAssessment, "controls"> & {
  frameworkKey: string;
  frameworkSource: string;
  controls: ReportControl[];
  coverageGaps: CoverageGap[];
  namespaces?: NamespacePosture[];
};

export const buildReportDocument = (opts: {
  assessment: FrameworkAssessment;
  frameworkKey: string;
  frameworkSource: string;
  rules: readonly RuleInfo[];
  coverageGaps?: readonly CoverageGap[];
}): ReportDocument => {
  const ruleById = new Map(opts.rules.map((r) => [r.id, r]));
  const controls = opts.assessment.controls.map((c): ReportControl => {
    if (!c.failing.length) return c;
    const failingRules = [...new Set(c.failing.map((f) => f.ruleId))].sort();
    const remediation = failingRules.flatMap((id) => {
      const r = ruleById.get(id);
      return r ? [{ ruleId: id, title: r.title, severity: r.severity, text: r.remediation }] : [];
    });
    return { ...c, remediation };
  });
  return {
    ...opts.assessment,
    frameworkKey: opts.frameworkKey,
    frameworkSource: opts.frameworkSource,
    controls,
    coverageGaps: [...(opts.coverageGaps ?? [])],
    ...(opts.frameworkKey === "pss" ? { namespaces: pssNamespaces(controls, opts.assessment.scope.namespaces) } : {}),
  };
};
