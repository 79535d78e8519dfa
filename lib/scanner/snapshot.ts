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

const key = (kind: string, namespace: string | undefined, name: string) => `${kind}\u0000${namespace ?? ""}\u0000${name}`;

export const buildSnapshot = (input: readonly SourcedObject[], facts: ClusterFacts = {}): Snapshot => {
  const objects: K8sObject[] = [];
  const kinds = new Map<string, K8sObject[]>();
  const byName = new Map<string, K8sObject>();
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
    if (typeof name === "string") byName.set(key(kind, obj.metadata?.namespace, name), obj);
  }
  return {
    objects,
    facts,
    byKind: (kind) => kinds.get(kind) ?? [],
    get: (kind, namespace, name) => byName.get(key(kind, namespace, name)),
    namespaces: () => {
      const names = new Set<string>();
      for (const ns of kinds.get("Namespace") ?? []) if (ns.metadata?.name) names.add(ns.metadata.name);
      for (const o of objects) if (typeof o.metadata?.namespace === "string") names.add(o.metadata.namespace);
      return [...names].sort();
    },
    sourceOf: (obj) => sources.get(obj),
    memo: <T,>(k: string, compute: () => T): T => {
      if (!memos.has(k)) memos.set(k, compute());
      return memos.get(k) as T;
    },
  };
};
