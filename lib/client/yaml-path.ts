import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";

export type TPathToken = { key: string } | { index: number };
export type TYamlLocation = { start: number; end: number; exact: boolean; matched: string };

/** Splits `spec.containers[0].securityContext` (and `a["b.c"]`) into keys and indexes. */
export const parsePath = (path: string): TPathToken[] => {
  const tokens: TPathToken[] = [];
  const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]|([^.[\]]+)/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) tokens.push({ index: Number(m[1]) });
    else tokens.push({ key: m[2] ?? m[3] ?? m[4] });
  }
  return tokens;
};

const keyOf = (n: unknown) => (isScalar(n) ? String(n.value) : String(n));

const lineSpan = (lc: LineCounter, from: number, to: number) => ({ start: lc.linePos(from).line, end: lc.linePos(Math.max(from, to - 1)).line });

/**
 * Finds the YAML lines of a JSON path from a finding's evidence. Keys may contain dots (annotations such as
 * `sidecar.istio.io/inject`), so at each mapping the longest run of segments that names a key wins. When the
 * field is absent (a missing setting), the deepest existing parent is returned with `exact: false`, on one line.
 */
export const locateYamlPath = (yaml: string, path: string): TYamlLocation | null => {
  const lc = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lc });
  const tokens = parsePath(path);
  let node: unknown = doc.contents;
  let keyStart: number | null = null;
  let parent: { start: number; end: number; matched: string } | null = null;
  const matched: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    let next: { node: unknown; keyStart: number | null; label: string; used: number } | null = null;
    if ("index" in t && isSeq(node)) {
      const item = node.items[t.index] as Node | undefined;
      if (item?.range) next = { node: item, keyStart: null, label: `[${t.index}]`, used: 1 };
    } else if ("key" in t && isMap(node)) {
      let run = 0;
      while (i + run < tokens.length && "key" in tokens[i + run]) run++;
      for (let n = run; n >= 1 && !next; n--) {
        const name = tokens.slice(i, i + n).map((k) => ("key" in k ? k.key : "")).join(".");
        const pair = node.items.find((p) => keyOf(p.key) === name);
        if (pair) next = { node: pair.value, keyStart: (pair.key as Node | null)?.range?.[0] ?? null, label: name, used: n };
      }
    }
    if (!next) break;
    const valueRange = (next.node as Node | null)?.range;
    const from = next.keyStart ?? valueRange?.[0];
    if (from === undefined) break;
    const to = valueRange ? valueRange[1] : from + 1;
    matched.push(next.label);
    parent = { ...lineSpan(lc, from, to), matched: matched.join(".").replace(/\.\[/g, "[") };
    node = next.node;
    i += next.used;
  }
  if (!parent) return null;
  if (i === tokens.length) return { ...parent, exact: true };
  return { start: parent.start, end: parent.start, exact: false, matched: parent.matched };
};

export type TLineMark = "exact" | "parent";

/** Line number (1-based) -> how it is marked, for every evidence path; exact marks win over parent marks. */
export const markYamlLines = (yaml: string, paths: string[]): Map<number, TLineMark> => {
  const marks = new Map<number, TLineMark>();
  for (const p of paths) {
    const loc = locateYamlPath(yaml, p);
    if (!loc) continue;
    for (let line = loc.start; line <= loc.end; line++) if (marks.get(line) !== "exact") marks.set(line, loc.exact ? "exact" : "parent");
  }
  return marks;
};

const TOP_LEVEL_ORDER = ["apiVersion", "kind", "metadata", "spec", "data", "rules", "roleRef", "subjects", "status"];

/** Puts an object's top-level keys in kubectl's order (stored bodies come back from jsonb sorted by key length). */
export const orderTopLevelKeys = (yaml: string) => {
  const doc = parseDocument(yaml);
  if (doc.errors.length || !isMap(doc.contents)) return yaml;
  const rank = (k: string) => {
    const i = TOP_LEVEL_ORDER.indexOf(k);
    return i === -1 ? TOP_LEVEL_ORDER.length - 1 : i;
  };
  doc.contents.items.sort((a, b) => rank(keyOf(a.key)) - rank(keyOf(b.key)));
  return doc.toString({ lineWidth: 0 });
};
