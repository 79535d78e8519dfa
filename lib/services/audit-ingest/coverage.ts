import "server-only";
import type { AuditEvent } from "@/lib/audit";

const LEVELS = ["Metadata", "Request", "RequestResponse"] as const;
type Level = (typeof LEVELS)[number];

/** What the cluster's policy lets through, learned from the events: per resource, when each level was last seen. */
export type Coverage = { levels: Record<string, Partial<Record<Level, number>>>; responseStartedAt?: number; lastTs?: number; events: number };

export const emptyCoverage = (): Coverage => ({ levels: {}, events: 0 });

export const updateCoverage = (cov: Coverage, events: readonly AuditEvent[]): Coverage => {
  for (const e of events) {
    if (!Number.isFinite(e.ts)) continue;
    const key = e.objectRef.resource ?? "";
    const seen = (cov.levels[key] ??= {});
    if ((seen[e.level] ?? 0) < e.ts) seen[e.level] = e.ts;
    if (e.stage === "ResponseStarted") cov.responseStartedAt = Math.max(cov.responseStartedAt ?? 0, e.ts);
    cov.lastTs = Math.max(cov.lastTs ?? 0, e.ts);
    cov.events++;
  }
  return cov;
};

export type DetectionNeedsInput = { id: string; title: string; needs: { level: Level; stage: "ResponseStarted" | "ResponseComplete" }; resources?: readonly string[] };
export type BlindSpot = { detectionId: string; title: string; needs: DetectionNeedsInput["needs"]; reason: string };

const RECENT_MS = 7 * 86_400_000;

/**
 * Detections that the recent events cannot support: their resources arrive only below the level they
 * need, or the stage they need is never logged. Resources with no events at all are not blind spots
 * (nothing happened), so they are reported separately as unverified.
 */
export const blindSpots = (cov: Coverage, detections: readonly DetectionNeedsInput[]): { unsupported: BlindSpot[]; unverified: string[] } => {
  const unsupported: BlindSpot[] = [];
  const unverified: string[] = [];
  const since = (cov.lastTs ?? 0) - RECENT_MS;
  const recentLevels = (resource: string) => LEVELS.filter((l) => (cov.levels[resource]?.[l] ?? -Infinity) >= since);
  for (const d of detections) {
    const resources = d.resources ?? Object.keys(cov.levels);
    const seen = resources.flatMap((r) => recentLevels(r).map((l) => ({ r, l })));
    if (!seen.length) {
      unverified.push(d.id);
      continue;
    }
    const need = LEVELS.indexOf(d.needs.level);
    if (!seen.some((s) => LEVELS.indexOf(s.l) >= need)) {
      const best = LEVELS[Math.max(...seen.map((s) => LEVELS.indexOf(s.l)))];
      unsupported.push({ detectionId: d.id, title: d.title, needs: d.needs, reason: `${d.resources ? d.resources.join(", ") : "events"} are logged at ${best} at most; this detection needs ${d.needs.level}` });
    } else if (d.needs.stage === "ResponseStarted" && (cov.responseStartedAt ?? -Infinity) < since && cov.events >= 1000) {
      unsupported.push({ detectionId: d.id, title: d.title, needs: d.needs, reason: "no ResponseStarted events are logged (the policy omits that stage); this detection needs it" });
    }
  }
  return { unsupported, unverified };
};
