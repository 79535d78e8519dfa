import type { ObjectRule, PodRule, Rule, ScanContext, SnapshotRule } from "./define-rule";
import { findingFactory } from "./findings";
import { podSpecOf, WORKLOAD_CONTROLLER_KINDS, type PodSpecRef } from "./pod-spec";
import { buildSnapshot, type Snapshot } from "./snapshot";
import type { ClusterFacts, Finding, Hit, K8sObject, ScanOptions, SourcedObject, Violation } from "./types";

export type ScanInput = { objects: readonly SourcedObject[]; facts?: ClusterFacts; now: Date; options?: ScanOptions; rules: readonly Rule[] };

export type ScanStats = {
  objects: number;
  /** Objects at least one rule looked at. */
  recognised: number;
  rulesRun: number;
  /** Rules that targeted at least one object, by id. */
  rulesTargeted: string[];
  /** Rules that threw on some object: reported, never allowed to take the scan down. */
  ruleErrors: Array<{ ruleId: string; object?: string; message: string }>;
};

export type ScanResult = { findings: Finding[]; stats: ScanStats };

const isControlledByPresentOwner = (obj: K8sObject, snapshot: Snapshot): boolean => {
  const owners = obj.metadata?.ownerReferences;
  if (!Array.isArray(owners)) return false;
  return owners.some(
    (o) => o?.controller === true && typeof o.kind === "string" && WORKLOAD_CONTROLLER_KINDS.has(o.kind) && !!o.name &&
      snapshot.get(o.kind, obj.metadata?.namespace, o.name) !== undefined,
  );
};

const NOTHING: readonly never[] = [];

const describeTarget = (obj: K8sObject) => `${obj.kind}/${obj.metadata?.namespace ?? ""}/${obj.metadata?.name ?? ""}`;

/**
 * Calls checks so that a rule never takes the scan down: an error is recorded, and the rule found nothing
 * there. One function per rule type rather than a closure per call, since checks run millions of times.
 */
const checkRunner = (ctx: ScanContext, ruleErrors: ScanStats["ruleErrors"]) => {
  const failed = (rule: Rule, obj: K8sObject | undefined, err: unknown): readonly never[] => {
    ruleErrors.push({ ruleId: rule.id, object: obj ? describeTarget(obj) : undefined, message: err instanceof Error ? err.message : String(err) });
    return NOTHING;
  };
  return {
    object: (rule: ObjectRule, obj: K8sObject): readonly Violation[] => {
      try {
        return rule.check(obj, ctx);
      } catch (err) {
        return failed(rule, obj, err);
      }
    },
    pod: (rule: PodRule, obj: K8sObject, pod: PodSpecRef): readonly Violation[] => {
      try {
        return rule.check(obj, pod, ctx);
      } catch (err) {
        return failed(rule, obj, err);
      }
    },
    snapshot: (rule: SnapshotRule): readonly Hit[] => {
      try {
        return rule.check(ctx);
      } catch (err) {
        return failed(rule, undefined, err);
      }
    },
  };
};

type RulesByType = { byKind: Map<string, ObjectRule[]>; pod: PodRule[]; snapshot: SnapshotRule[] };

const rulesByType = (rules: readonly Rule[]): RulesByType => {
  const out: RulesByType = { byKind: new Map(), pod: [], snapshot: [] };
  for (const rule of rules) {
    if (rule.type === "pod") out.pod.push(rule);
    else if (rule.type === "snapshot") out.snapshot.push(rule);
    else for (const kind of rule.targets) out.byKind.set(kind, [...(out.byKind.get(kind) ?? []), rule]);
  }
  return out;
};

export const scan = (input: ScanInput): ScanResult => {
  const snapshot = buildSnapshot(input.objects, input.facts);
  const ctx: ScanContext = { now: input.now, options: input.options ?? {}, snapshot, facts: input.facts ?? {} };
  const wanted = input.options?.rules?.length ? new Set(input.options.rules) : undefined;
  const rules = wanted ? input.rules.filter((r) => wanted.has(r.id) || wanted.has(r.name)) : input.rules;
  const byType = rulesByType(rules);
  const findings: Finding[] = [];
  const toFinding = findingFactory(snapshot);
  const recognised = new Set<K8sObject>();
  const targeted = new Set<string>();
  const ruleErrors: ScanStats["ruleErrors"] = [];
  const check = checkRunner(ctx, ruleErrors);

  let sawPod = false;
  for (const obj of snapshot.objects) {
    const objectRules = byType.byKind.get(obj.kind ?? "");
    if (objectRules) {
      recognised.add(obj);
      for (const rule of objectRules) for (const v of check.object(rule, obj)) findings.push(toFinding(rule, obj, v));
    }
    if (!byType.pod.length) continue;
    const pod = podSpecOf(obj);
    if (!pod || isControlledByPresentOwner(obj, snapshot)) continue;
    recognised.add(obj);
    sawPod = true;
    for (const rule of byType.pod) for (const v of check.pod(rule, obj, pod)) findings.push(toFinding(rule, obj, v));
  }
  for (const [kind, kindRules] of byType.byKind) if (snapshot.byKind(kind).length) for (const rule of kindRules) targeted.add(rule.id);
  if (sawPod) for (const rule of byType.pod) targeted.add(rule.id);
  const readKinds = new Set<string>();
  for (const rule of byType.snapshot) {
    if (!rule.targets.some((kind) => snapshot.byKind(kind).length)) continue;
    targeted.add(rule.id);
    for (const kind of rule.targets) {
      if (readKinds.has(kind)) continue;
      readKinds.add(kind);
      for (const o of snapshot.byKind(kind)) recognised.add(o);
    }
    for (const hit of check.snapshot(rule)) findings.push(toFinding(rule, hit.object, hit));
  }
  return {
    findings,
    stats: { objects: snapshot.objects.length, recognised: recognised.size, rulesRun: rules.length, rulesTargeted: [...targeted].sort(), ruleErrors },
  };
};
