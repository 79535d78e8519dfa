import { gapReason } from "./gaps";
import { mapFramework, type MappingSources } from "./mapping";
import { countStatuses, SCORE_FORMULA, scoreOf } from "./score";
import { gapsFor } from "./targets";
import type {
  AssessedControl, ComplianceFinding, Control, ControlMapping, ControlStatus, CoverageGap, FailingResource, Framework, RuleInfo, Scope, StatusCounts,
} from "./types";

export type AuditInput = {
  /** Ids of the detections that ran over the audit events. */
  detectionsRun: readonly string[];
  /** Ids of the detections that fired. */
  fired: readonly string[];
};

export type AssessInput = {
  framework: Framework;
  findings: readonly ComplianceFinding[];
  /** Ids of the rules that ran and targeted at least one object. */
  rulesRun: readonly string[];
  /** Ids of rules that threw: they could not run to the end. */
  rulesFailed?: readonly string[];
  coverageGaps?: readonly CoverageGap[];
  scope: Scope;
  sources: MappingSources;
  /** Present only when audit events were analysed. */
  audit?: AuditInput;
  now: Date;
};

export type FrameworkAssessment = {
  framework: { id: string; name: string; version: string };
  scope: Scope;
  score: number;
  controls: AssessedControl[];
  summary: StatusCounts & { controls: number; failingResources: number; scoreFormula: string };
  generatedAt: string;
};

const failingKey = (f: FailingResource) => [f.cluster ?? "", f.namespace, f.kind, f.name, f.apiVersion, f.ruleId].join("\u0000");

const toFailing = (f: ComplianceFinding): FailingResource => ({
  apiVersion: f.resource.apiVersion,
  kind: f.resource.kind,
  namespace: f.resource.namespace ?? "",
  name: f.resource.name,
  ruleId: f.ruleId,
  ...(f.cluster ? { cluster: f.cluster } : {}),
  ...(f.message ? { message: f.message } : {}),
});

/** One entry per resource and rule, however many containers of it fail; sorted for stable output. */
const failingOf = (ruleIds: readonly string[], byRule: Map<string, ComplianceFinding[]>): FailingResource[] => {
  const seen = new Map<string, FailingResource>();
  for (const id of ruleIds) for (const f of byRule.get(id) ?? []) {
    const entry = toFailing(f);
    const key = failingKey(entry);
    if (!seen.has(key)) seen.set(key, entry);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
};

type Decision = { status: ControlStatus; reason: string };

const decide = (control: Control, mapping: ControlMapping, failing: number, input: AssessInput, ruleById: Map<string, RuleInfo>, ran: Set<string>): Decision => {
  if (control.assessable === "no") return { status: "not-assessable", reason: `Needs node access: ${control.assessedBy ?? "not visible in the Kubernetes API"}.` };
  const detectionsApply = !!input.audit && mapping.detections.some((id) => input.audit!.detectionsRun.includes(id));
  if (!mapping.rules.length && !detectionsApply) {
    if (mapping.detections.length) return { status: "not-assessable", reason: `Assessed only by audit detections (${mapping.detections.join(", ")}); this report had no audit events.` };
    return { status: "not-assessable", reason: gapReason(input.framework.id, control.id) ?? "No Tower rule assesses this control." };
  }
  if (failing > 0) return { status: "fail", reason: "" };
  const failed = mapping.rules.filter((id) => input.rulesFailed?.includes(id));
  if (failed.length) return { status: "partial", reason: `Rule(s) ${failed.join(", ")} failed to run on some objects.` };
  const hidden = mapping.rules.flatMap((id) => gapsFor(ruleById.get(id)!, input.coverageGaps ?? [])).map((g) => g.kind);
  if (hidden.length) return { status: "partial", reason: `Tower could not read ${[...new Set(hidden)].join(", ")}, which the mapped rules need.` };
  const rulesRan = mapping.rules.some((id) => ran.has(id));
  if (!rulesRan && !detectionsApply) return { status: "not-applicable", reason: "No object of the kinds the mapped rules check." };
  if (control.assessable === "partial") return { status: "partial", reason: "Only partly assessable from the Kubernetes API; the mapped rules found nothing." };
  return { status: "pass", reason: "" };
};

export const assessFramework = (input: AssessInput): FrameworkAssessment => {
  const { framework } = input;
  const mapping = mapFramework(framework, input.sources);
  const ruleById = new Map(input.sources.rules.map((r) => [r.id, r]));
  const ran = new Set(input.rulesRun);
  const byRule = new Map<string, ComplianceFinding[]>();
  for (const f of input.findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const fired = new Set(input.audit?.fired ?? []);
  const controls = framework.controls.map((control): AssessedControl => {
    const m = mapping.get(control.id) ?? { rules: [], detections: [] };
    const failing = failingOf(m.rules, byRule);
    const firedHere = m.detections.filter((id) => fired.has(id));
    const d = firedHere.length && !failing.length
      ? { status: "fail" as const, reason: `Audit detection(s) ${firedHere.join(", ")} fired.` }
      : decide(control, m, failing.length, input, ruleById, ran);
    return {
      id: control.id, title: control.title, status: d.status, rules: m.rules, failing,
      section: control.section, level: control.level, levelVerified: control.levelVerified, assessable: control.assessable,
      detections: m.detections, reason: d.reason, notes: control.notes, ...(control.altIds ? { altIds: control.altIds } : {}),
    };
  });
  const counts = countStatuses(controls);
  return {
    framework: { id: framework.id, name: framework.name, version: framework.version },
    scope: input.scope,
    score: scoreOf(counts),
    controls,
    summary: { ...counts, controls: controls.length, failingResources: controls.reduce((n, c) => n + c.failing.length, 0), scoreFormula: SCORE_FORMULA },
    generatedAt: input.now.toISOString(),
  };
};
