import { LineCounter, parseAllDocuments } from "yaml";
import type { K8sObject, SourcedObject } from "./types";

export type ParseLimits = { maxBytes: number; maxAliasCount: number; maxDepth: number };
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxBytes: 50 * 1024 * 1024, maxAliasCount: 100, maxDepth: 64 };

export type ParseError = { file: string; line?: number; message: string };
export type ParseResult = { objects: SourcedObject[]; errors: ParseError[]; /** documents that are not Kubernetes objects */ skipped: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const depthOf = (v: unknown, limit: number): number => {
  let max = 0;
  const stack: Array<[unknown, number]> = [[v, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (Array.isArray(node)) for (const c of node) stack.push([c, d + 1]);
    else if (isRecord(node)) for (const c of Object.values(node)) stack.push([c, d + 1]);
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
    for (const item of items) {
      if (isK8sObject(item)) result.objects.push({ obj: item, source: { file, line, docIndex } });
      else result.skipped++;
    }
  }
};

/** Deepest bracket nesting of JSON text, outside strings. */
const jsonDepth = (text: string): number => {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
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
