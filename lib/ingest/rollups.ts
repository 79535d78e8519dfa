import "server-only";

type Counted = { ts: number; verb: string; code: number | null; decision: string | null };
export type Rollups = { hours: string[]; verbs: string[]; events: number[]; denied: number[]; last: number };

const HOUR_MS = 3_600_000;

/** Hourly counts per verb (UTC hours, as timestamps without zone) and the latest event time, of stored events. */
export const rollupsOf = (events: readonly Counted[]): Rollups => {
  // Keyed by hour number and verb; the hour is formatted once per group, not once per event.
  const byKey = new Map<string, { hour: number; verb: string; events: number; denied: number }>();
  let last = -Infinity;
  for (const e of events) {
    const hour = Math.floor(e.ts / HOUR_MS);
    const key = `${hour} ${e.verb}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { hour, verb: e.verb, events: 0, denied: 0 }));
    g.events++;
    if (e.code === 401 || e.code === 403 || e.decision === "forbid") g.denied++;
    if (e.ts > last) last = e.ts;
  }
  const groups = [...byKey.values()];
  return { hours: groups.map((g) => new Date(g.hour * HOUR_MS).toISOString().slice(0, 19)), verbs: groups.map((g) => g.verb), events: groups.map((g) => g.events), denied: groups.map((g) => g.denied), last };
};
