import type { Detection, DetectionContext, DetectOptions, Match, MatchResult } from "./define-detection";
import type { AuditEvent, Severity } from "./types";

export type DetectionRecord = {
  detectionId: string;
  name: string;
  title: string;
  severity: Severity;
  tactic: string;
  message: string;
  principal: string;
  auditIDs: string[];
  firstSeen: string;
  lastSeen: string;
  refs: { mitre: string[]; ms: string[]; falco: string[] };
  sourceIP: string;
  userAgent: string;
  verb: string;
  resource?: string;
  namespace?: string;
  objectName?: string;
  /** annotations["authorization.k8s.io/reason"]: the binding that allowed the request. */
  authorization?: string;
  source: string;
  evidence?: Record<string, unknown>;
};

/** Everything the engine remembers between batches; JSON in, JSON out. */
export type EngineState = {
  version: 1;
  startedAt: number | null;
  lastTs: number | null;
  /** auditID → ts of ResponseStarted events, so the ResponseComplete of the same request is not counted twice. */
  started: Record<string, number>;
  startedCount: number;
  detections: Record<string, unknown>;
};

export const DEFAULT_OPTIONS: DetectOptions = { warmupMs: 10 * 60_000 };
const STARTED_TTL_MS = 6 * 3600_000;

export const createEngineState = (detections: readonly Detection[]): EngineState => ({
  version: 1,
  startedAt: null,
  lastTs: null,
  started: {},
  startedCount: 0,
  detections: Object.fromEntries(detections.filter((d) => d.kind === "stateful").map((d) => [d.id, d.initialState()])),
});

const iso = (ts: number) => new Date(Number.isFinite(ts) ? ts : 0).toISOString();

const toArray = (r: MatchResult): Match[] => (!r ? [] : Array.isArray(r) ? r : [r]);

const toRecord = (d: Detection, m: Match, e: AuditEvent): DetectionRecord => ({
  detectionId: d.id,
  name: d.name,
  title: d.title,
  severity: m.severity ?? d.severity,
  tactic: d.tactic,
  message: m.message,
  principal: m.principal ?? (e.user.username || "unknown"),
  auditIDs: m.auditIDs ?? [e.auditID],
  firstSeen: iso(m.firstTs ?? e.ts),
  lastSeen: iso(e.ts),
  refs: { mitre: d.refs.mitre, ms: d.refs.ms, falco: d.refs.falco },
  sourceIP: e.sourceIP,
  userAgent: e.userAgent,
  verb: e.verb,
  resource: e.objectRef.resource,
  namespace: e.objectRef.namespace,
  objectName: e.objectRef.name,
  authorization: e.reason,
  source: e.source,
  evidence: m.evidence,
});

const pruneStarted = (state: EngineState, now: number) => {
  for (const [id, ts] of Object.entries(state.started)) if (now - ts > STARTED_TTL_MS) delete state.started[id];
  state.startedCount = Object.keys(state.started).length;
};

const runOne = (d: Detection, event: AuditEvent, state: EngineState, ctx: DetectionContext, out: DetectionRecord[]) => {
  const r = d.kind === "event" ? d.check(event, ctx) : d.step(state.detections[d.id], event, ctx);
  if (!r) return;
  for (const m of toArray(r)) out.push(toRecord(d, m, event));
};

/**
 * Runs detections over events that are already in time order. `state` is updated in place and returned;
 * serialise it with JSON.stringify between batches. Events without a time take the previous event's time.
 */
export const runDetections = (args: {
  detections: readonly Detection[];
  events: readonly AuditEvent[];
  state?: EngineState;
  options?: Partial<DetectOptions>;
}): { state: EngineState; detections: DetectionRecord[] } => {
  const options = { ...DEFAULT_OPTIONS, ...args.options };
  const state = args.state ?? createEngineState(args.detections);
  const ctx: DetectionContext = { options, isLearning: (ts) => state.startedAt === null || ts - state.startedAt < options.warmupMs };
  const always: Detection[] = [];
  const targeted = new Map<string, Detection[]>();
  for (const d of args.detections) {
    if (d.kind === "stateful" && !(d.id in state.detections)) state.detections[d.id] = d.initialState();
    if (!d.resources) always.push(d);
  }
  // One list per resource: the detections that want every event, then those that asked for this resource.
  for (const d of args.detections) for (const r of d.resources ?? []) targeted.set(r, [...(targeted.get(r) ?? always), d]);
  const out: DetectionRecord[] = [];
  for (const e of args.events) {
    const ts = Number.isFinite(e.ts) ? e.ts : (state.lastTs ?? 0);
    const event = ts === e.ts ? e : { ...e, ts };
    state.startedAt ??= ts;
    state.lastTs = ts;
    if (event.stage === "RequestReceived") continue;
    if (event.stage === "ResponseStarted") {
      state.started[event.auditID] = ts;
      if (++state.startedCount > 10_000) pruneStarted(state, ts);
    } else if (event.auditID in state.started) {
      delete state.started[event.auditID];
      state.startedCount--;
      continue;
    }
    for (const d of targeted.get(event.objectRef.resource ?? "") ?? always) runOne(d, event, state, ctx, out);
  }
  return { state, detections: out };
};
