import type { Rejected } from "./types";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

/** Lists of events as they are exported: EventList, JSON array, Azure `records`, CloudWatch `logEvents`. */
const expand = (v: unknown, out: unknown[]): void => {
  if (Array.isArray(v)) {
    for (const item of v) expand(item, out);
    return;
  }
  if (isObj(v)) {
    if (v.kind === "EventList" || (Array.isArray(v.items) && v.verb === undefined)) return expand(v.items ?? [], out);
    if (Array.isArray(v.records) && v.verb === undefined) return expand(v.records, out);
    if (Array.isArray(v.logEvents) && v.verb === undefined) return expand(v.logEvents, out);
  }
  out.push(v);
};

/**
 * Splits file or request-body text into raw records: one JSON document (Event, EventList, array, envelope)
 * or JSON lines. Lines that are not JSON are rejected with their line number; nothing throws.
 */
export const parseAuditText = (text: string): { records: unknown[]; rejected: Rejected[] } => {
  const records: unknown[] = [];
  const rejected: Rejected[] = [];
  const body = text.replace(/^\uFEFF/, "").trim();
  if (!body) return { records, rejected };
  try {
    expand(JSON.parse(body), records);
    return { records, rejected };
  } catch {
    // not one document: JSON lines
  }
  const lines = body.split(/\r?\n/);
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    try {
      expand(JSON.parse(t), records);
    } catch (err) {
      rejected.push({ index: i, reason: `line ${i + 1}: invalid JSON (${err instanceof Error ? err.message.slice(0, 80) : "parse error"})` });
    }
  });
  return { records, rejected };
};
