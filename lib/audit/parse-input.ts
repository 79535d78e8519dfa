import { arrayElementTexts, memberElementTexts } from "./json-spans";
import type { Rejected } from "./types";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

/** Parsed records and, where the input allowed finding it, each record's own text (same index). */
type Sink = { records: unknown[]; texts: (string | undefined)[] };

const ENVELOPE_LISTS = ["records", "logEvents"] as const;

/** The member of `v` that holds its list of events, when `v` is a list envelope rather than an event. */
const listMember = (v: Obj): string | undefined => {
  if (v.kind === "EventList" || (Array.isArray(v.items) && v.verb === undefined)) return "items";
  return ENVELOPE_LISTS.find((k) => Array.isArray(v[k]) && v.verb === undefined);
};

/**
 * Lists of events as they are exported: EventList, JSON array, Azure `records`, CloudWatch `logEvents`.
 * `text` is v's own JSON text when known; the elements' texts are then found in it (undefined if not).
 */
const expand = (v: unknown, out: Sink, text: string | undefined): void => {
  if (Array.isArray(v)) return expandAll(v, out, text === undefined ? undefined : arrayElementTexts(text));
  const member = isObj(v) ? listMember(v) : undefined;
  if (member === undefined) {
    out.records.push(v);
    out.texts.push(text);
    return;
  }
  const list = (v as Obj)[member] ?? [];
  if (!Array.isArray(list)) return expand(list, out, undefined);
  expandAll(list, out, text === undefined ? undefined : memberElementTexts(text, member));
};

const expandAll = (items: unknown[], out: Sink, texts: string[] | undefined) => {
  const known = texts?.length === items.length ? texts : undefined;
  items.forEach((item, k) => expand(item, out, known?.[k]));
};

/**
 * Splits file or request-body text into raw records: one JSON document (Event, EventList, array, envelope)
 * or JSON lines. Lines that are not JSON are rejected with their line number; nothing throws. `texts[k]`
 * is record k's text in the input where it could be found (the ingest path stores it as the raw event).
 */
export const parseAuditText = (text: string): { records: unknown[]; texts: (string | undefined)[]; rejected: Rejected[] } => {
  const out: Sink = { records: [], texts: [] };
  const rejected: Rejected[] = [];
  const body = text.replace(/^\uFEFF/, "").trim();
  if (!body) return { ...out, rejected };
  try {
    expand(JSON.parse(body), out, body);
    return { ...out, rejected };
  } catch {
    // not one document: JSON lines
  }
  const lines = body.split(/\r?\n/);
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    let doc: unknown;
    try {
      doc = JSON.parse(t);
    } catch (err) {
      rejected.push({ index: i, reason: `line ${i + 1}: invalid JSON (${err instanceof Error ? err.message.slice(0, 80) : "parse error"})` });
      return;
    }
    expand(doc, out, t);
  });
  return { ...out, rejected };
};
