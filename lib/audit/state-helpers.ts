import type { DetectionContext } from "./define-detection";

/** One entry of a sliding window: [ts, auditID, key used for distinct counts, second key]. Plain data. */
export type WindowEntry = [number, string, string, string];

/** A sliding window with running distinct counts of columns 2 and 3, so a burst check costs O(1) per event. */
export type Window = { e: WindowEntry[]; c2: Record<string, number>; c3: Record<string, number>; n2: number; n3: number };
export const newWindow = (): Window => ({ e: [], c2: {}, c3: {}, n2: 0, n3: 0 });

const inc = (w: Window, col: 2 | 3, key: string, by: 1 | -1) => {
  const counts = col === 2 ? w.c2 : w.c3;
  const next = (counts[key] ?? 0) + by;
  if (next <= 0) delete counts[key];
  else counts[key] = next;
  const delta = by === 1 && next === 1 ? 1 : by === -1 && next <= 0 ? -1 : 0;
  if (col === 2) w.n2 += delta;
  else w.n3 += delta;
};

/** Appends and drops entries older than `windowMs` before `ts`. Returns the window. */
export const slide = (w: Window, entry: WindowEntry, windowMs: number): Window => {
  w.e.push(entry);
  inc(w, 2, entry[2], 1);
  inc(w, 3, entry[3], 1);
  const cutoff = entry[0] - windowMs;
  let i = 0;
  while (i < w.e.length && w.e[i][0] < cutoff) {
    inc(w, 2, w.e[i][2], -1);
    inc(w, 3, w.e[i][3], -1);
    i++;
  }
  if (i > 0) w.e.splice(0, i);
  return w;
};

export const distinct = (w: Window, col: 2 | 3): number => (col === 2 ? w.n2 : w.n3);

/** True once per `key` per `cooldownMs`: how bursts avoid one alert per event. */
export const cooldownOk = (fired: Record<string, number>, key: string, ts: number, cooldownMs: number): boolean => {
  const last = fired[key];
  if (last !== undefined && ts - last < cooldownMs) return false;
  fired[key] = ts;
  return true;
};

/**
 * Records `key` as seen; true when it was never seen before and the learning period is over.
 * Offline this is "first seen in the data so far", online "first seen since the baseline began".
 */
export const firstSeen = (seen: Record<string, number>, key: string, ts: number, ctx: DetectionContext): boolean => {
  if (key in seen) return false;
  seen[key] = ts;
  return !ctx.isLearning(ts);
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
