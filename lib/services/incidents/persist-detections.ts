import "server-only";
import crypto from "node:crypto";
import type pg from "pg";
import type { DetectionRecord } from "@/lib/audit";
import { jsonbText } from "../audit-ingest/jsonb-text";

const noNul = (s: string) => s.replaceAll("\u0000", "");

export type StoredDetection = { id: string; record: DetectionRecord };

/** Stable across re-runs over the same events: what fired, on whom, when, on which events. */
export const detectionFingerprint = (d: DetectionRecord) =>
  crypto.createHash("sha256").update([d.detectionId, d.principal, d.firstSeen, [...d.auditIDs].sort().join(",")].join("|")).digest("hex").slice(0, 40);

const context = (d: DetectionRecord) => ({
  match: d.evidence ?? null,
  tactic: d.tactic,
  name: d.name,
  sourceIP: d.sourceIP,
  userAgent: d.userAgent,
  verb: d.verb,
  resource: d.resource ?? null,
  namespace: d.namespace ?? null,
  objectName: d.objectName ?? null,
  authorization: d.authorization ?? null,
  source: d.source,
});

/** Inserts detections idempotently (cluster + fingerprint); returns only the ones that are new. */
export const persistDetections = async (c: pg.ClientBase, input: { orgId: string; clusterId: string; records: readonly DetectionRecord[] }): Promise<StoredDetection[]> => {
  if (!input.records.length) return [];
  const byFp = new Map(input.records.map((d) => [detectionFingerprint(d), d]));
  const list = [...byFp.entries()];
  const col = <T,>(fn: (d: DetectionRecord) => T) => list.map(([, d]) => fn(d));
  const r = await c.query<{ id: string; fingerprint: string }>(
    `insert into "AuditDetection" (id, "orgId", "clusterId", fingerprint, "detectionId", title, severity, principal, message, "auditIds", refs, evidence, "firstSeen", "lastSeen")
     select gen_random_uuid()::text, $1, $2, t.fp, t.did, t.title, t.sev::"Severity", t.principal, t.msg, array(select json_array_elements_text(t.aids::json)), t.refs::jsonb, t.ev::jsonb, t.fs::timestamptz, t.ls::timestamptz
       from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
         as t(fp, did, title, sev, principal, msg, aids, refs, ev, fs, ls)
     on conflict ("clusterId", fingerprint) do nothing
     returning id, fingerprint`,
    [input.orgId, input.clusterId, list.map(([fp]) => fp), col((d) => d.detectionId), col((d) => d.title), col((d) => d.severity), col((d) => noNul(d.principal)), col((d) => noNul(d.message)),
      col((d) => JSON.stringify(d.auditIDs.slice(0, 1000))), col((d) => jsonbText(d.refs)), col((d) => jsonbText(context(d))), col((d) => d.firstSeen), col((d) => d.lastSeen)],
  );
  return r.rows.map((row) => ({ id: row.id, record: byFp.get(row.fingerprint)! }));
};
