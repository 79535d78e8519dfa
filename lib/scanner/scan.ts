import type { Rule, ScanContext } from "./define-rule";
import { podSpecOf, WORKLOAD_CONTROLLER_KINDS } from "./pod-spec";
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

const toFinding = (rule: Rule, obj: K8sObject, v: Violation, snapshot: Snapshot): Finding => {
  const source = snapshot.sourceOf(obj);
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    title: rule.title,
    severity: rule.severity,
    theme: rule.theme,
    message: v.message,
    resource: {
      apiVersion: String(obj.apiVersion ?? ""),
      kind: String(obj.kind ?? ""),
      ...(obj.metadata?.namespace ? { namespace: String(obj.metadata.namespace) } : {}),
      name: String(obj.metadata?.name ?? ""),
      ...(source?.file ? { file: source.file } : {}),
      ...(source?.line ? { line: source.line } : {}),
    },
    evidence: [{ path: v.path, ...(v.value !== undefined ? { value: v.value } : {}) }, ...(v.extraPaths ?? [])],
    remediation: rule.remediation,
    refs: rule.refs,
  };
};


export const scan = (input: ScanInput): ScanResult => {
  const snapshot = buildSnapshot(input.objects, input.facts);
  const ctx: ScanContext = { now: input.now, options: input.options ?? {}, snapshot, facts: input.facts ?? {} };
  const wanted = input.options?.rules?.length ? new Set(input.options.rules) : undefined;
  const rules = wanted ? input.rules.filter((r) => wanted.has(r.id) || wanted.has(r.name)) : input.rules;
  const objectRules = new Map<string, Rule[]>();
  const podRules: Rule[] = [];
  const snapshotRules: Rule[] = [];
  for (const rule of rules) {
    if (rule.type === "pod") podRules.push(rule);
    else if (rule.type === "snapshot") snapshotRules.push(rule);
    else for (const kind of rule.targets) objectRules.set(kind, [...(objectRules.get(kind) ?? []), rule]);
  }
  const findings: Finding[] = [];
  const recognised = new Set<K8sObject>();
  const targeted = new Set<string>();
  const ruleErrors: ScanStats["ruleErrors"] = [];
  const safely = <T,>(rule: Rule, obj: K8sObject | undefined, fn: () => T[]): T[] => {
    try {
      return fn();
    } catch (err) {
      const object = obj ? `${obj.kind}/${obj.metadata?.namespace ?? ""}/${obj.metadata?.name ?? ""}` : undefined;
      ruleErrors.push({ ruleId: rule.id, object, message: err instanceof Error ? err.message : String(err) });
      return [];
    }
  };

  for (const obj of snapshot.objects) {
    for (const rule of objectRules.get(obj.kind ?? "") ?? []) {
      if (rule.type !== "object") continue;
      recognised.add(obj);
      targeted.add(rule.id);
      for (const v of safely(rule, obj, () => rule.check(obj, ctx))) findings.push(toFinding(rule, obj, v, snapshot));
    }
    if (!podRules.length) continue;
    const pod = podSpecOf(obj);
    if (!pod || isControlledByPresentOwner(obj, snapshot)) continue;
    recognised.add(obj);
    for (const rule of podRules) {
      if (rule.type !== "pod") continue;
      targeted.add(rule.id);
      for (const v of safely(rule, obj, () => rule.check(obj, pod, ctx))) findings.push(toFinding(rule, obj, v, snapshot));
    }
  }
  for (const rule of snapshotRules) {
    if (rule.type !== "snapshot") continue;
    const reads = rule.targets.flatMap((k) => snapshot.byKind(k));
    if (!reads.length) continue;
    targeted.add(rule.id);
    for (const o of reads) recognised.add(o);
    for (const hit of safely<Hit>(rule, undefined, () => rule.check(ctx))) findings.push(toFinding(rule, hit.object, hit, snapshot));
  }
  return {
    findings,
    stats: { objects: snapshot.objects.length, recognised: recognised.size, rulesRun: rules.length, rulesTargeted: [...targeted].sort(), ruleErrors },
  };
};
