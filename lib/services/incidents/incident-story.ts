import "server-only";
import type pg from "pg";
import type { TDetectionDto, TStoryItem } from "@/lib/client/incidents";
import type { TAuditEventDto } from "@/lib/client/investigations";
import { listEvents } from "../investigations/event-queries";
import type { TEventScope } from "../investigations/event-scope";

const READ_VERBS = ["get", "list", "watch"];

/**
 * The incident told in order: each detection where it fired, the events it rests on, and the principal's
 * other key events in the window (changes and denied requests); routine reads are left to the timeline.
 */
export const buildStory = async (pool: pg.Pool, scope: TEventScope, detections: TDetectionDto[]): Promise<TStoryItem[]> => {
  const evidenceIds = [...new Set(detections.flatMap((d) => d.auditIds))].slice(0, 1000);
  const [evidence, changes] = await Promise.all([
    evidenceIds.length ? listEvents(pool, scope, { limit: 200, extraWhere: "audit_id = any($1::text[])", extraParams: [evidenceIds] }) : Promise.resolve([]),
    listEvents(pool, scope, { limit: 100, extraWhere: "verb <> all($1::text[]) or code >= 400 or decision = 'forbid'", extraParams: [READ_VERBS] }),
  ]);
  const events = new Map<string, TAuditEventDto>();
  for (const e of [...evidence, ...changes]) events.set(`${e.clusterId}/${e.auditId}`, e);
  const items: TStoryItem[] = [
    ...detections.map((d) => ({ kind: "detection" as const, ts: d.firstSeen, detection: d })),
    ...[...events.values()].map((e) => ({ kind: "event" as const, ts: e.ts, event: e, detectionIds: detections.filter((d) => d.auditIds.includes(e.auditId)).map((d) => d.id) })),
  ];
  // A detection comes right after the event that triggered it, at the same instant.
  return items.sort((a, b) => a.ts.localeCompare(b.ts) || (a.kind === b.kind ? 0 : a.kind === "event" ? -1 : 1));
};
