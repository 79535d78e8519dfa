import type { Refs, Severity } from "../scanner/types";

export type Assessable = "yes" | "partial" | "no";

export type Control = {
  id: string;
  title: string;
  /** Section, NSA chapter, PSS level or ATT&CK tactic: how the framework groups its controls. */
  section: string;
  /** CIS profile level; `levelVerified` false means the spec table has it unchecked against the benchmark text. */
  level?: number;
  levelVerified?: boolean;
  assessable: Assessable;
  notes: string;
  /** For controls Tower cannot assess from the API: the tool or access that would. */
  assessedBy?: string;
  /** Other numbers the same control carries in other releases of the framework. */
  altIds?: string[];
  /** PSS only: the restricted fields, used to match rules to the control. */
  fields?: string[];
};

export type FrameworkKey = "cis" | "nsa" | "pss" | "mitre";

export type Framework = {
  id: string;
  key: FrameworkKey;
  name: string;
  version: string;
  /** Where the control list comes from, and what it leaves out. */
  source: string;
  controls: Control[];
};

/** A scanner rule as the mapping needs it: the registry's Rule satisfies this. */
export type RuleInfo = {
  id: string;
  title: string;
  severity: Severity;
  description: string;
  remediation: string;
  refs: Refs;
  type: "object" | "pod" | "snapshot";
  targets?: readonly string[];
  maturity?: "stable" | "incubating" | "deprecated";
};

export type DetectionInfo = { id: string; title: string; refs: { mitre: string[] } };

export type ControlMapping = { rules: string[]; detections: string[] };

export type ControlStatus = "pass" | "fail" | "partial" | "not-assessable" | "not-applicable";
export const CONTROL_STATUSES: readonly ControlStatus[] = ["pass", "fail", "partial", "not-assessable", "not-applicable"];

export type ResourceKey = { apiVersion: string; kind: string; namespace?: string; name: string };

/** The part of a scanner Finding the assessment reads; `cluster` tells fleets apart. */
export type ComplianceFinding = { ruleId: string; resource: ResourceKey; message?: string; severity?: Severity; cluster?: string };

export type FailingResource = {
  apiVersion: string;
  kind: string;
  /** "" for cluster-scoped resources. */
  namespace: string;
  name: string;
  ruleId: string;
  cluster?: string;
  message?: string;
};

export type AssessedControl = {
  id: string;
  title: string;
  status: ControlStatus;
  rules: string[];
  failing: FailingResource[];
  section: string;
  level?: number;
  levelVerified?: boolean;
  assessable: Assessable;
  detections: string[];
  /** Why the status is what it is, in one sentence (empty for a plain pass or fail). */
  reason: string;
  notes: string;
  altIds?: string[];
};

export type StatusCounts = Record<ControlStatus, number>;

/** A resource kind Tower could not read (forbidden, error), so rules reading it saw nothing. */
export type CoverageGap = { kind: string; reason: string };

export type Scope = { resources: number; clusters?: string[]; sources?: string[]; namespaces?: string[] };
