import "server-only";
import crypto from "node:crypto";
import { normalizeForIngest } from "@/lib/audit";

const DAY_MS = 86_400_000;
const MAX_REJECTED_RAW = 64 * 1024;
const NO_ID = "\u0000no-audit-id";

export type EventRow = {
  auditId: string;
  stage: string;
  ts: number;
  verb: string;
  username: string;
  sourceIp: string | null;
  userAgent: string | null;
  resource: string | null;
  subresource: string | null;
  namespace: string | null;
  name: string | null;
  apiGroup: string | null;
  code: number | null;
  decision: string | null;
  raw: string;
};

export type RejectedRow = { reason: string; raw: string };
export type PreparedBatch = { rows: EventRow[]; rejected: RejectedRow[] };

const orNull = (s: string | undefined) => (s === undefined || s === "" ? null : s);

const serialise = (record: unknown): string => {
  try {
    return JSON.stringify(record) ?? "null";
  } catch {
    return String(record);
  }
};

export const rejectedRaw = (raw: string) => (raw.length > MAX_REJECTED_RAW ? `${raw.slice(0, MAX_REJECTED_RAW)}…[truncated, ${raw.length} chars]` : raw);

/**
 * Raw records → rows for audit_events, or the reason each one cannot be stored. Never throws: one bad
 * event never fails the others. Events outside [now - retention, now + 1 day] are refused, because they
 * would create partitions that retention drops at once (or far in the future). `texts[k]`, when given, is
 * record k's JSON text as received and is stored as its raw event instead of serialising it again.
 */
export const prepareBatch = (records: readonly unknown[], opts: { now: number; retentionDays: number; texts?: readonly (string | undefined)[] }): PreparedBatch => {
  const rows: EventRow[] = [];
  const rejected: RejectedRow[] = [];
  const minTs = opts.now - opts.retentionDays * DAY_MS;
  const maxTs = opts.now + DAY_MS;
  records.forEach((record, k) => {
    const raw = opts.texts?.[k] ?? serialise(record);
    const r = normalizeForIngest(record, NO_ID);
    if (!r.ok) {
      rejected.push({ reason: r.reason, raw: rejectedRaw(raw) });
      return;
    }
    const e = r.fields;
    if (!Number.isFinite(e.ts)) {
      rejected.push({ reason: "the event has no readable timestamp (requestReceivedTimestamp or stageTimestamp)", raw: rejectedRaw(raw) });
      return;
    }
    if (e.ts < minTs || e.ts > maxTs) {
      rejected.push({ reason: `timestamp ${new Date(e.ts).toISOString()} is outside the retention window or in the future`, raw: rejectedRaw(raw) });
      return;
    }
    // Without an auditID, the content itself identifies the event, so a retried batch stays idempotent.
    const auditId = e.auditID === NO_ID ? `sha256:${crypto.createHash("sha256").update(raw).digest("hex").slice(0, 40)}` : e.auditID;
    const ref = e.objectRef;
    rows.push({
      auditId,
      stage: e.stage,
      ts: e.ts,
      verb: e.verb,
      username: e.username,
      sourceIp: orNull(e.sourceIP),
      userAgent: orNull(e.userAgent.slice(0, 1024)),
      resource: orNull(ref.resource),
      subresource: orNull(ref.subresource),
      namespace: orNull(ref.namespace),
      name: orNull(ref.name),
      apiGroup: orNull(ref.apiGroup),
      code: Number.isInteger(e.code) && Math.abs(e.code!) < 2 ** 31 ? e.code! : null,
      decision: e.decision ?? null,
      raw,
    });
  });
  return { rows, rejected };
};
