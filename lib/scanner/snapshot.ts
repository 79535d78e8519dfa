import type { ClusterFacts, K8sObject, SourcedObject, SourceInfo } from "./types";

/**
 * The whole input of a scan, indexed once. Cross-object rules share derived indexes through
 * `memo`, so that effective RBAC (for example) is computed once per scan, not once per rule.
 */
export type Snapshot = {
  objects: readonly K8sObject[];
  facts: ClusterFacts;
  byKind(kind: string): readonly K8sObject[];
  get(kind: string, namespace: string | undefined, name: string): K8sObject | undefined;
  namespaces(): string[];
  sourceOf(obj: K8sObject): SourceInfo | undefined;
  memo<T>(key: string, compute: () => T): T;
};

/** kind -> namespace ("" when cluster-scoped) -> name: lookups build no key strings, and scans look up a lot. */
type NameIndex = Map<string, Map<string, Map<string, K8sObject>>>;

const indexByName = (index: NameIndex, kind: string, namespace: string, name: string, obj: K8sObject) => {
  let namespaces = index.get(kind);
  if (!namespaces) index.set(kind, (namespaces = new Map()));
  let names = namespaces.get(namespace);
  if (!names) namespaces.set(namespace, (names = new Map()));
  names.set(name, obj);
};

export const buildSnapshot = (input: readonly SourcedObject[], facts: ClusterFacts = {}): Snapshot => {
  const objects: K8sObject[] = [];
  const kinds = new Map<string, K8sObject[]>();
  const byName: NameIndex = new Map();
  const sources = new WeakMap<K8sObject, SourceInfo>();
  const memos = new Map<string, unknown>();
  for (const { obj, source } of input) {
    objects.push(obj);
    if (source) sources.set(obj, source);
    const kind = obj.kind ?? "";
    let list = kinds.get(kind);
    if (!list) kinds.set(kind, (list = []));
    list.push(obj);
    const name = obj.metadata?.name;
    if (typeof name === "string") indexByName(byName, kind, String(obj.metadata?.namespace ?? ""), name, obj);
  }
  return {
    objects,
    facts,
    byKind: (kind) => kinds.get(kind) ?? [],
    get: (kind, namespace, name) => byName.get(kind)?.get(String(namespace ?? ""))?.get(String(name)),
    namespaces: () => {
      const names = new Set<string>();
      for (const ns of kinds.get("Namespace") ?? []) if (ns.metadata?.name) names.add(ns.metadata.name);
      for (const o of objects) if (typeof o.metadata?.namespace === "string") names.add(o.metadata.namespace);
      return [...names].sort();
    },
    sourceOf: (obj) => sources.get(obj),
    memo: <T,>(k: string, compute: () => T): T => {
      let value = memos.get(k);
      if (value === undefined && !memos.has(k)) memos.set(k, (value = compute()));
      return value as T;
    },
  };
};
