import { z } from "zod";
import type { Rule } from "./define-rule";
import { podSpecOf } from "./pod-spec";
import type { Finding, K8sObject } from "./types";

export const IGNORE_ANNOTATION = "tower.dev/ignore";
export const IGNORE_REASON_ANNOTATION = "tower.dev/ignore-reason";
export const IGNORE_UNTIL_ANNOTATION = "tower.dev/ignore-until";

const ZDate = z.union([z.string().min(1), z.date()]).transform((v, ctx) => {
  const text = v instanceof Date ? v.toISOString() : v;
  if (!expiryOf(text)) ctx.addIssue({ code: "custom", message: `not a date: '${text}' (use YYYY-MM-DD or RFC 3339)` });
  return text;
});

export const ZExceptionEntry = z.strictObject({
  /** Rule id, name or alias; globs allowed ("TWR-01*"). */
  rule: z.string().min(1),
  /** Which objects; each field is a glob, a missing field matches everything. */
  resource: z
    .strictObject({ kind: z.string().min(1).optional(), namespace: z.string().optional(), name: z.string().min(1).optional() })
    .optional(),
  reason: z.string().trim().min(1, "a reason is required"),
  expires: ZDate.optional(),
});
export type TExceptionEntry = z.infer<typeof ZExceptionEntry>;

export const ZExceptionsFile = z.union([z.strictObject({ exceptions: z.array(ZExceptionEntry) }), z.array(ZExceptionEntry)]);

export class ExceptionsFileError extends Error {}

const describeIssuePath = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");

/** Validates a parsed exceptions file; the error names the bad entry ("exceptions[2].reason: ..."). */
export const parseExceptionsFile = (data: unknown): TExceptionEntry[] => {
  if (data === null || data === undefined) return [];
  const parsed = ZExceptionsFile.safeParse(data);
  if (parsed.success) return Array.isArray(parsed.data) ? parsed.data : parsed.data.exceptions;
  // The union reports both branches; the one matching the file's shape is the useful one.
  const branch = Array.isArray(data) ? z.array(ZExceptionEntry) : z.strictObject({ exceptions: z.array(ZExceptionEntry) });
  const issue = branch.safeParse(data).error?.issues[0] ?? parsed.error.issues[0];
  const where = describeIssuePath(Array.isArray(data) ? ["exceptions", ...issue.path] : issue.path) || "file";
  throw new ExceptionsFileError(`${where}: ${issue.message}`);
};

/** End of validity: a bare date lasts until the end of that day (UTC). */
export const expiryOf = (text: string): Date | undefined => {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
  const d = new Date(dateOnly ? `${text.trim()}T23:59:59.999Z` : text);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

const globCache = new Map<string, RegExp>();
export const globMatch = (pattern: string, value: string): boolean => {
  let re = globCache.get(pattern);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    globCache.set(pattern, (re = new RegExp(`^${body}$`, "i")));
  }
  return re.test(value);
};

export type Suppression = {
  source: "exceptions-file" | "annotation";
  reason: string;
  expires?: string;
  /** Index of the entry in the exceptions file. */
  entry?: number;
};
export type SuppressedFinding = Finding & { suppression: Suppression };

export type ExpiredException = {
  source: "exceptions-file" | "annotation";
  rule: string;
  reason: string;
  expires: string;
  entry?: number;
  resource?: { kind?: string; namespace?: string; name?: string };
  /** Active findings this exception would have suppressed had it not expired. */
  findings: number;
};

export type ExceptionsResult = {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  expired: ExpiredException[];
  /** File entries that are in force but matched nothing (stale exceptions). */
  unused: Array<{ entry: number; rule: string }>;
};

type Annotated = { rules: string[]; reason?: string; until?: string };

const asAnnotations = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** An annotation of the object, else of its pod template: the object's own wins, key by key. */
const annotationReader = (obj: K8sObject) => {
  const own = asAnnotations(obj.metadata?.annotations);
  const pod = asAnnotations(podSpecOf(obj)?.podMeta.annotations);
  return (key: string): unknown => (own && Object.hasOwn(own, key) ? own[key] : pod && Object.hasOwn(pod, key) ? pod[key] : undefined);
};

const annotationsOf = (obj: K8sObject): Annotated | undefined => {
  const annotation = annotationReader(obj);
  const ignore = annotation(IGNORE_ANNOTATION);
  if (typeof ignore !== "string" || !ignore.trim()) return undefined;
  const reason = annotation(IGNORE_REASON_ANNOTATION);
  const until = annotation(IGNORE_UNTIL_ANNOTATION);
  return {
    rules: ignore.split(",").map((s) => s.trim()).filter(Boolean),
    reason: typeof reason === "string" && reason.trim() ? reason.trim() : undefined,
    until: typeof until === "string" && until.trim() ? until.trim() : undefined,
  };
};

const objectKey = (kind: string, namespace: string | undefined, name: string) => `${kind}\u0000${namespace ?? ""}\u0000${name}`;

const ruleKeys = (f: Finding, byId: Map<string, Rule>): string[] => [f.ruleId, f.ruleName, ...(byId.get(f.ruleId)?.aliases ?? [])];

const matchesRule = (pattern: string, keys: string[]) => pattern === "*" || pattern === "all" || keys.some((k) => globMatch(pattern, k));

const matchesResource = (sel: TExceptionEntry["resource"], f: Finding) =>
  !sel ||
  ((sel.kind === undefined || globMatch(sel.kind, f.resource.kind)) &&
    (sel.namespace === undefined || globMatch(sel.namespace, f.resource.namespace ?? "")) &&
    (sel.name === undefined || globMatch(sel.name, f.resource.name)));

export type ApplyExceptionsInput = {
  findings: readonly Finding[];
  /** The scanned objects, for their `tower.dev/ignore` annotations. */
  objects: readonly K8sObject[];
  entries: readonly TExceptionEntry[];
  now: Date;
  rules?: readonly Rule[];
};

/** Splits findings into active and suppressed; expired exceptions no longer apply and are listed. */
export const applyExceptions = ({ findings, objects, entries, now, rules = [] }: ApplyExceptionsInput): ExceptionsResult => {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const annotated = new Map<string, Annotated>();
  const isExpired = (expires?: string) => expires !== undefined && !((expiryOf(expires)?.getTime() ?? -Infinity) >= now.getTime());
  const expiredAnnotations = new Map<string, ExpiredException>();
  for (const obj of objects) {
    const a = annotationsOf(obj);
    const name = obj.metadata?.name;
    if (!a || typeof name !== "string") continue;
    const key = objectKey(obj.kind ?? "", obj.metadata?.namespace, name);
    annotated.set(key, a);
    if (isExpired(a.until)) {
      const resource = { kind: obj.kind, ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}), name };
      expiredAnnotations.set(key, { source: "annotation", rule: a.rules.join(","), reason: a.reason ?? "", expires: a.until!, resource, findings: 0 });
    }
  }
  const expiredFile = new Map<number, ExpiredException>();
  entries.forEach((e, entry) => {
    if (isExpired(e.expires)) expiredFile.set(entry, { source: "exceptions-file", rule: e.rule, reason: e.reason, expires: e.expires!, entry, resource: e.resource, findings: 0 });
  });
  // Nothing can suppress a finding, the usual case: a large scan should not pay for matching.
  if (!annotated.size && !entries.length) return { findings: [...findings], suppressed: [], expired: [], unused: [] };
  const used = new Set<number>();
  const out: ExceptionsResult = { findings: [], suppressed: [], expired: [], unused: [] };

  for (const f of findings) {
    const keys = ruleKeys(f, byId);
    let suppression: Suppression | undefined;
    const ann = annotated.get(objectKey(f.resource.kind, f.resource.namespace, f.resource.name));
    if (ann && ann.rules.some((r) => matchesRule(r, keys))) {
      const expired = expiredAnnotations.get(objectKey(f.resource.kind, f.resource.namespace, f.resource.name));
      if (expired) expired.findings++;
      else suppression = { source: "annotation", reason: ann.reason ?? `${IGNORE_ANNOTATION} annotation (no reason given)`, ...(ann.until ? { expires: ann.until } : {}) };
    }
    for (let i = 0; i < entries.length && !suppression; i++) {
      const e = entries[i];
      if (!matchesRule(e.rule, keys) || !matchesResource(e.resource, f)) continue;
      const expired = expiredFile.get(i);
      if (expired) {
        expired.findings++;
        continue;
      }
      used.add(i);
      suppression = { source: "exceptions-file", reason: e.reason, entry: i, ...(e.expires ? { expires: e.expires } : {}) };
    }
    if (suppression) out.suppressed.push({ ...f, suppression });
    else out.findings.push(f);
  }
  out.expired = [...expiredFile.values(), ...expiredAnnotations.values()];
  out.unused = entries.flatMap((e, entry) => (!used.has(entry) && !expiredFile.has(entry) ? [{ entry, rule: e.rule }] : []));
  return out;
};
