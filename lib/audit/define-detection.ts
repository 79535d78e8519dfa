import type { AuditEvent, AuditLevel, Severity } from "./types";

export const TACTICS = [
  "initial-access",
  "execution",
  "persistence",
  "privilege-escalation",
  "defense-evasion",
  "credential-access",
  "discovery",
  "lateral-movement",
  "collection",
  "impact",
] as const;
export type Tactic = (typeof TACTICS)[number];

export type DetectionRefs = { mitre: string[]; ms: string[]; falco: string[]; sigma?: string[]; elastic?: string[] };

/** The audit policy a detection needs: the lowest level and the stage at which its evidence is logged. */
export type DetectionNeeds = { level: AuditLevel; stage: "ResponseStarted" | "ResponseComplete" };

type DetectionMeta = {
  /** Stable, opaque: "TWD-0001". Never reused, never derived from the title. */
  id: string;
  /** Kebab-case, the file name. */
  name: string;
  title: string;
  /** Default; a match may raise or lower it. */
  severity: Severity;
  description: string;
  tactic: Tactic;
  refs: DetectionRefs;
  needs: DetectionNeeds;
  /** `tower_detection_name` of the shared/spec/detection-crossref.csv row(s) this detection implements. */
  covers: string[];
  /** objectRef.resource values the detection looks at; the engine skips other events. Omitted: every event. */
  resources?: readonly string[];
};

export type Match = {
  message: string;
  severity?: Severity;
  /** Defaults to the current event's auditID. */
  auditIDs?: string[];
  /** Defaults to the current event's user. */
  principal?: string;
  /** Epoch ms of the first event the match rests on; defaults to the current event. */
  firstTs?: number;
  evidence?: Record<string, unknown>;
};

export type MatchResult = Match | Match[] | undefined | null | false;

export type DetectOptions = {
  /** Learning period from the first event seen: first-seen and baseline detections learn but do not alert. */
  warmupMs: number;
};

export type DetectionContext = {
  options: DetectOptions;
  /** True while `ts` is inside the learning period. */
  isLearning: (ts: number) => boolean;
};

/** Looks at one event at a time; no memory. */
export type EventDetection = DetectionMeta & { kind: "event"; check: (e: AuditEvent, ctx: DetectionContext) => MatchResult };

/**
 * Consumes events in time order with a state that is plain JSON data (no Map, Set, Date or class), so the live
 * pipeline can store it between batches. `step` may update the state in place; the engine owns it.
 */
export type StatefulDetection<S = unknown> = DetectionMeta & {
  kind: "stateful";
  initialState: () => S;
  step: (state: S, e: AuditEvent, ctx: DetectionContext) => MatchResult;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Detection = EventDetection | StatefulDetection<any>;
export type DetectionRegistry = readonly Detection[];

export const defineDetection = (d: Omit<EventDetection, "kind">): EventDetection => ({ kind: "event", ...d });
export const defineStatefulDetection = <S>(d: Omit<StatefulDetection<S>, "kind">): StatefulDetection<S> => ({ kind: "stateful", ...d });
