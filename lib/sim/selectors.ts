import type { K8sObject } from "../scanner/types";
import { statusError } from "./status";

type Requirement = { key: string; op: "=" | "!=" | "in" | "notin" | "exists" | "!exists"; values: string[] };
export type Matcher = (obj: K8sObject) => boolean;

/** Splits on commas that are not inside a `(...)` value set. */
const splitTop = (text: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
};

const parseLabelRequirement = (term: string): Requirement => {
  let m = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (m) return { key: m[1], op: m[2] as "in" | "notin", values: m[3].split(",").map((v) => v.trim()).filter(Boolean) };
  m = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s,]*)$/.exec(term);
  if (m) return { key: m[1], op: m[2] === "!=" ? "!=" : "=", values: [m[3]] };
  m = /^!\s*([^\s!=]+)$/.exec(term);
  if (m) return { key: m[1], op: "!exists", values: [] };
  if (/^[^\s!=(),]+$/.test(term)) return { key: term, op: "exists", values: [] };
  throw statusError(400, `unable to parse requirement: found '${term}', expected: '=', '!=', '==', 'in', notin'`);
};

const matches = (value: string | undefined, r: Requirement): boolean => {
  switch (r.op) {
    case "=": return value === r.values[0];
    case "!=": return value !== r.values[0];
    case "in": return value !== undefined && r.values.includes(value);
    case "notin": return value === undefined || !r.values.includes(value);
    case "exists": return value !== undefined;
    case "!exists": return value === undefined;
  }
};

export const labelMatcher = (selector: string | null): Matcher => {
  if (!selector) return () => true;
  const reqs = splitTop(selector).map(parseLabelRequirement);
  return (obj) => reqs.every((r) => matches(obj.metadata?.labels?.[r.key], r));
};

/** Field selectors the real server supports per kind, beyond metadata.name and metadata.namespace. */
const EXTRA_FIELDS: Record<string, Record<string, (o: K8sObject) => unknown>> = {
  Secret: { type: (o) => o.type },
  Pod: {
    "spec.nodeName": (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName ?? "",
    "spec.serviceAccountName": (o) => (o.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? "",
    "status.phase": (o) => (o.status as { phase?: string } | undefined)?.phase ?? "",
  },
  Event: { "involvedObject.name": (o) => (o.involvedObject as { name?: string } | undefined)?.name ?? "" },
};

export const fieldMatcher = (selector: string | null, kind: string): Matcher => {
  if (!selector) return () => true;
  const fields: Record<string, (o: K8sObject) => unknown> = {
    "metadata.name": (o) => o.metadata?.name ?? "",
    "metadata.namespace": (o) => o.metadata?.namespace ?? "",
    ...EXTRA_FIELDS[kind],
  };
  const reqs = splitTop(selector).map((term) => {
    const m = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw statusError(400, `invalid field selector: '${term}'`);
    const get = fields[m[1]];
    if (!get) {
      const known = Object.keys(fields).map((f) => `"${f}"`).join(", ");
      throw statusError(400, `field label not supported: ${m[1]} (supported for ${kind}: ${known})`);
    }
    return { get, negate: m[2] === "!=", value: m[3].trim() };
  });
  return (obj) => reqs.every((r) => (String(r.get(obj) ?? "") === r.value) !== r.negate);
};
