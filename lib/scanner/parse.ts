import { LineCounter, parseAllDocuments } from "yaml";
import type { K8sObject, SourcedObject } from "./types";

export type ParseLimits = { maxBytes: number; maxAliasCount: number; maxDepth: number };
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxBytes: 50 * 1024 * 1024, maxAliasCount: 100, maxDepth: 64 };

export type ParseError = { file: string; line?: number; message: string };
export type ParseResult = { objects: SourcedObject[]; errors: ParseError[]; /** documents that are not Kubernetes objects */ skipped: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Nesting depth (a scalar counts one level), counted no further than one level past the limit, so the recursion stays bounded. */
const depthOf = (v: unknown, limit: number, depth = 1): number => {
  if (depth > limit || typeof v !== "object" || v === null) return depth;
  let max = depth;
  for (const child of Array.isArray(v) ? v : Object.values(v)) {
    max = Math.max(max, depthOf(child, limit, depth + 1));
    if (max > limit) break;
  }
  return max;
};

export const isK8sObject = (v: unknown): v is K8sObject =>
  isRecord(v) && typeof v.apiVersion === "string" && typeof v.kind === "string" && v.kind.length > 0;

/** `kind: List` and typed lists (PodList, ...) hold their objects in items. */
const expand = (doc: unknown, out: unknown[]): void => {
  if (isRecord(doc) && typeof doc.kind === "string" && doc.kind.endsWith("List") && Array.isArray(doc.items)) {
    for (const item of doc.items) expand(item, out);
  } else out.push(doc);
};

const collect = (docs: Array<{ value: unknown; line?: number; docIndex: number }>, file: string, limits: ParseLimits, result: ParseResult, checkDepth = true) => {
  for (const { value, line, docIndex } of docs) {
    if (value === null || value === undefined) continue;
    if (checkDepth && depthOf(value, limits.maxDepth) > limits.maxDepth) {
      result.errors.push({ file, line, message: `document nested deeper than ${limits.maxDepth} levels; rejected` });
      continue;
    }
    const items: unknown[] = [];
    expand(value, items);
    // The objects of one list document share its source: an API list page holds hundreds.
    const source = { file, line, docIndex };
    for (const item of items) {
      if (isK8sObject(item)) result.objects.push({ obj: item, source });
      else result.skipped++;
    }
  }
};

const isEscaped = (text: string, quote: number): boolean => {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
  return backslashes % 2 === 1;
};

// indexOf jumps over a string at native speed; most of a manifest's text is strings.
const closingQuote = (text: string, open: number): number => {
  let i = text.indexOf('"', open + 1);
  while (i !== -1 && isEscaped(text, i)) i = text.indexOf('"', i + 1);
  return i === -1 ? text.length : i;
};

/** Deepest bracket nesting of JSON text, outside strings. */
const jsonDepth = (text: string): number => {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = closingQuote(text, i);
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
};

const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

/**
 * Parses the text of one manifest file (YAML with any number of documents, or JSON) into objects.
 * Never throws: bad input is reported in `errors` with the file and line.
 */
export const parseManifests = (text: string, file: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult => {
  const result: ParseResult = { objects: [], errors: [], skipped: 0 };
  if (text.length > limits.maxBytes) {
    result.errors.push({ file, message: `file is ${text.length} bytes, over the ${limits.maxBytes}-byte limit; skipped` });
    return result;
  }
  if (looksLikeJson(text)) {
    try {
      const value = JSON.parse(text);
      const docs = Array.isArray(value) ? value.map((v, i) => ({ value: v, docIndex: i })) : [{ value, line: 1, docIndex: 0 }];
      // JSON cannot hold aliases: a character scan bounds its nesting faster than walking the parsed value.
      if (jsonDepth(text) > limits.maxDepth) {
        result.errors.push({ file, line: 1, message: `document nested deeper than ${limits.maxDepth} levels; rejected` });
        return result;
      }
      collect(docs, file, limits, result, false);
      return result;
    } catch {
      // Not valid JSON: YAML is a superset, so let the YAML parser report the precise position.
    }
  }
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch (err) {
    result.errors.push({ file, message: err instanceof Error ? err.message : String(err) });
    return result;
  }
  const parsed: Array<{ value: unknown; line?: number; docIndex: number }> = [];
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, docIndex) => {
    const line = doc.contents?.range ? lineCounter.linePos(doc.contents.range[0]).line : undefined;
    if (doc.errors.length) {
      const e = doc.errors[0];
      result.errors.push({ file, line: lineCounter.linePos(e.pos[0]).line, message: e.message.split("\n")[0] });
      return;
    }
    try {
      parsed.push({ value: doc.toJS({ maxAliasCount: limits.maxAliasCount }), line, docIndex });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      const message = /alias/i.test(msg) ? `too many YAML alias expansions (possible alias bomb): ${msg}` : err instanceof RangeError ? `document nested too deeply; rejected` : msg;
      result.errors.push({ file, line, message });
    }
  });
  collect(parsed, file, limits, result);
  return result;
};
