import type { Detection, DetectOptions } from "./define-detection";
import { DETECTIONS } from "./detections";
import { runDetections, type DetectionRecord, type EngineState } from "./engine";
import { normalizeRecords } from "./normalize";
import { severityRank, type AuditEvent, type Rejected } from "./types";

export type AnalyzeOptions = Partial<DetectOptions> & { detections?: readonly Detection[]; state?: EngineState };
export type AnalyzeResult = { detections: DetectionRecord[]; stats: { events: number; rejected: number }; state: EngineState };

/**
 * Stable time order. Events without a time keep their place after the previous timed event, so a file
 * of untimed samples is analysed in file order.
 */
export const sortByTime = (events: readonly AuditEvent[]): AuditEvent[] => {
  let last = Number.NEGATIVE_INFINITY;
  const keyed = events.map((e, i) => {
    if (Number.isFinite(e.ts)) last = e.ts;
    return { e, k: Number.isFinite(e.ts) ? e.ts : last, i };
  });
  keyed.sort((a, b) => a.k - b.k || a.i - b.i);
  return keyed.map((x) => x.e);
};

/**
 * Runs every detection over events in time order. Baselines (first-seen, usual deployer, learned
 * networks) are learned from the data itself: offline, "first seen" means first seen in the data so far,
 * after the warm-up window, exactly as the live pipeline sees it.
 */
export const analyzeEvents = (events: readonly AuditEvent[], opts: AnalyzeOptions = {}): AnalyzeResult => {
  const { detections = DETECTIONS, state, ...options } = opts;
  const run = runDetections({ detections, events: sortByTime(events), state, options });
  return { detections: run.detections, stats: { events: events.length, rejected: 0 }, state: run.state };
};

/** Raw records of any supported shape → detections; records that are not audit events are counted, never fatal. */
export const analyzeRecords = (records: unknown[], opts: AnalyzeOptions & { rejected?: Rejected[] } = {}): AnalyzeResult & { rejected: Rejected[] } => {
  const { events, rejected } = normalizeRecords(records);
  const all = [...(opts.rejected ?? []), ...rejected];
  const result = analyzeEvents(events, opts);
  return { ...result, stats: { events: events.length, rejected: all.length }, rejected: all };
};

export const atOrAbove = (d: DetectionRecord, min: DetectionRecord["severity"]) => severityRank(d.severity) >= severityRank(min);
