import type { PodSpecRef } from "./pod-spec";
import type { Snapshot } from "./snapshot";
import type { ClusterFacts, Hit, K8sObject, Refs, ScanOptions, Severity, Theme, Violation } from "./types";

export type ScanContext = { now: Date; options: ScanOptions; snapshot: Snapshot; facts: ClusterFacts };

type RuleMeta = {
  /** Immutable, opaque: "TWR-0101". Renames keep the id and move the old name to `aliases`. */
  id: string;
  /** Kebab-case name from shared/spec/rule-crossref.csv. */
  name: string;
  title: string;
  severity: Severity;
  theme: Theme;
  description: string;
  remediation: string;
  /** Documentation URLs or standard references. At least one. */
  references: string[];
  /** External IDs this rule really checks (peers and frameworks); see cli-contract.md. */
  refs: Refs;
  maturity?: "stable" | "incubating" | "deprecated";
  aliases?: string[];
};

/** Checks one object at a time; called for every object whose kind is in `targets`. */
export type ObjectRule = RuleMeta & {
  type: "object";
  targets: readonly string[];
  check: (obj: K8sObject, ctx: ScanContext) => Violation[];
};

/**
 * Checks the pod spec of every workload (Pod, controllers, CronJob, CRDs with a pod template). Pods and
 * ReplicaSets/Jobs whose controlling owner is in the same snapshot are skipped: the owner is reported.
 */
export type PodRule = RuleMeta & {
  type: "pod";
  check: (obj: K8sObject, pod: PodSpecRef, ctx: ScanContext) => Violation[];
};

/** Sees the whole snapshot at once (RBAC, network policies, references between objects). */
export type SnapshotRule = RuleMeta & {
  type: "snapshot";
  /** Kinds the rule reads; it is considered to have run when any of them is present. */
  targets: readonly string[];
  check: (ctx: ScanContext) => Hit[];
};

export type Rule = ObjectRule | PodRule | SnapshotRule;

export const defineRule = (rule: Omit<ObjectRule, "type">): ObjectRule => ({ type: "object", maturity: "stable", ...rule });
export const definePodRule = (rule: Omit<PodRule, "type">): PodRule => ({ type: "pod", maturity: "stable", ...rule });
export const defineSnapshotRule = (rule: Omit<SnapshotRule, "type">): SnapshotRule => ({ type: "snapshot", maturity: "stable", ...rule });

export type RuleRegistry = readonly Rule[];
