import { formatIssues, ZRawAuditEvent, type TRawAuditEvent } from "./schema";
import { isJsonPatch, patchToObject } from "./patch";
import { execInfoOf, pathOf } from "./request-uri";
import { unwrapRecord } from "./sources/envelopes";
import { parseTimestamp } from "./time";
import { parseAuditText } from "./parse-input";
import type { AuditEvent, AuditLevel, AuditSource, ObjectRef, Rejected, UserInfo } from "./types";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

export type NormalizeResult = { ok: true; event: AuditEvent } | { ok: false; reason: string };

const toUser = (u: TRawAuditEvent["user"]): UserInfo => {
  const extra: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(u?.extra ?? {})) extra[k] = Array.isArray(v) ? v : [v];
  return { username: u?.username ?? "", uid: u?.uid, groups: u?.groups ?? [], extra };
};

/** Fills objectRef from the requestURI when the event carries only the URI: /api/v1/namespaces/ns/pods/x/exec. */
export const objectRefFromUri = (path: string): ObjectRef => {
  const parts = path.split("/").filter(Boolean);
  let rest: string[];
  let apiGroup: string | undefined;
  let apiVersion: string | undefined;
  if (parts[0] === "api") [apiGroup, apiVersion, rest] = ["", parts[1], parts.slice(2)];
  else if (parts[0] === "apis") [apiGroup, apiVersion, rest] = [parts[1], parts[2], parts.slice(3)];
  else return {};
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length > 2) [namespace, rest] = [rest[1], rest.slice(2)];
  return { apiGroup, apiVersion, namespace, resource: rest[0], name: rest[1], subresource: rest[2] };
};

const parseTime = (e: TRawAuditEvent): number => {
  const t = e.requestReceivedTimestamp ?? e.stageTimestamp ?? e.timestamp ?? e.metadata?.creationTimestamp;
  return parseTimestamp(t);
};

const inferLevel = (e: TRawAuditEvent): AuditLevel =>
  e.level && e.level !== "None" ? e.level : e.responseObject !== undefined ? "RequestResponse" : e.requestObject !== undefined ? "Request" : "Metadata";

const isFullObject = (v: unknown): v is Obj => isObj(v) && v.kind !== "Status" && (typeof v.kind === "string" || isObj(v.spec) || isObj(v.metadata));

/** The event's objectRef, completed from its requestURI where the event leaves fields out. */
const objectRefOf = (e: TRawAuditEvent, path: string): ObjectRef => ({ ...objectRefFromUri(path), ...Object.fromEntries(Object.entries(e.objectRef ?? {}).filter(([, v]) => v !== undefined && v !== "")) });

const decisionOf = (e: TRawAuditEvent): AuditEvent["decision"] => {
  const d = e.annotations?.["authorization.k8s.io/decision"];
  return d === "allow" || d === "forbid" ? d : undefined;
};

const lastOf = (ips: readonly string[]) => (ips.length ? ips[ips.length - 1] : "");

export const toAuditEvent = (e: TRawAuditEvent, source: AuditSource, fallbackId: string): AuditEvent => {
  const requestURI = e.requestURI ?? "";
  const path = pathOf(requestURI);
  const objectRef = objectRefOf(e, path);
  const sourceIPs = e.sourceIPs ?? [];
  const annotations = e.annotations ?? {};
  const requestPatch = e.verb === "patch" && isJsonPatch(e.requestObject) ? e.requestObject : undefined;
  const sub = objectRef.subresource;
  return {
    auditID: e.auditID || fallbackId,
    stage: e.stage ?? "ResponseComplete",
    level: inferLevel(e),
    verb: e.verb,
    requestURI,
    path,
    user: toUser(e.user),
    impersonatedUser: e.impersonatedUser ? toUser(e.impersonatedUser) : undefined,
    sourceIPs,
    sourceIP: lastOf(sourceIPs),
    userAgent: e.userAgent ?? "",
    objectRef,
    code: e.responseStatus?.code,
    decision: decisionOf(e),
    reason: annotations["authorization.k8s.io/reason"] || undefined,
    annotations,
    requestObject: e.requestObject,
    responseObject: e.responseObject,
    requestPatch,
    object: isFullObject(e.responseObject) ? e.responseObject : requestPatch ? patchToObject(requestPatch) : isObj(e.requestObject) ? e.requestObject : undefined,
    exec: objectRef.resource === "pods" && (sub === "exec" || sub === "attach") ? execInfoOf(requestURI, e.requestObject) : undefined,
    ts: parseTime(e),
    source,
  };
};

type Checked = { ok: true; e: TRawAuditEvent; source: AuditSource } | { ok: false; reason: string };

/** The schema check every record passes before it is stored or analysed. */
const check = (raw: unknown): Checked => {
  const unwrapped = unwrapRecord(raw);
  if ("error" in unwrapped) return { ok: false, reason: unwrapped.error };
  const parsed = ZRawAuditEvent.safeParse(unwrapped.event);
  if (!parsed.success) return { ok: false, reason: `not a k8s audit event: ${formatIssues(parsed.error)}` };
  if (parsed.data.level === "None") return { ok: false, reason: "level None carries no event" };
  return { ok: true, e: parsed.data, source: unwrapped.source };
};

const unexpected = (err: unknown) => ({ ok: false as const, reason: `unexpected record: ${err instanceof Error ? err.message : String(err)}` });

/** One record (any supported source shape) → AuditEvent, or the reason it is not one. Never throws. */
export const normalizeRecord = (raw: unknown, fallbackId = "unknown"): NormalizeResult => {
  try {
    const c = check(raw);
    return c.ok ? { ok: true, event: toAuditEvent(c.e, c.source, fallbackId) } : c;
  } catch (err) {
    return unexpected(err);
  }
};

/** The columns the ingest path stores for an event. */
export type IngestFields = Pick<AuditEvent, "auditID" | "stage" | "verb" | "sourceIP" | "userAgent" | "objectRef" | "code" | "ts" | "decision"> & { username: string };

/**
 * The same checks and the same answers as `normalizeRecord`, for the fields the ingest path stores only: at
 * thousands of events a second, building the rest of the event (exec, patch, object) is left to detection.
 */
export const normalizeForIngest = (raw: unknown, fallbackId: string): { ok: true; fields: IngestFields } | { ok: false; reason: string } => {
  try {
    const c = check(raw);
    if (!c.ok) return c;
    const e = c.e;
    const fields = {
      auditID: e.auditID || fallbackId,
      stage: e.stage ?? "ResponseComplete",
      verb: e.verb,
      username: e.user?.username ?? "",
      sourceIP: lastOf(e.sourceIPs ?? []),
      userAgent: e.userAgent ?? "",
      objectRef: objectRefOf(e, pathOf(e.requestURI ?? "")),
      code: e.responseStatus?.code,
      ts: parseTime(e),
      decision: decisionOf(e),
    };
    return { ok: true, fields };
  } catch (err) {
    return unexpected(err);
  }
};

/**
 * A record that `normalizeRecord` accepted before (a stored event, read back by the detection worker): the
 * schema check is not repeated, as it is the largest cost of reading events back. Undefined if it cannot be read.
 */
export const normalizeStoredRecord = (raw: unknown, auditId: string): AuditEvent | undefined => {
  try {
    const unwrapped = unwrapRecord(raw);
    if ("error" in unwrapped) return undefined;
    const event = toAuditEvent(unwrapped.event as TRawAuditEvent, unwrapped.source, auditId);
    event.auditID = auditId;
    return event;
  } catch {
    return undefined;
  }
};

export const normalizeRecords = (records: unknown[], opts: { file?: string; idPrefix?: string } = {}) => {
  const events: AuditEvent[] = [];
  const rejected: Rejected[] = [];
  records.forEach((raw, index) => {
    const r = normalizeRecord(raw, `${opts.idPrefix ?? "noid"}-${index + 1}`);
    if (r.ok) events.push(r.event);
    else rejected.push({ index, reason: r.reason, file: opts.file });
  });
  return { events, rejected };
};

/** File or request-body text (any supported shape) → events and rejections, line-level JSON errors included. */
export const normalizeText = (text: string, opts: { file?: string; idPrefix?: string } = {}) => {
  const parsed = parseAuditText(text);
  const norm = normalizeRecords(parsed.records, opts);
  return { events: norm.events, rejected: [...parsed.rejected.map((r) => ({ ...r, file: opts.file })), ...norm.rejected] };
};
