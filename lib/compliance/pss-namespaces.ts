import type { AssessedControl } from "./types";

export type PssLevel = "restricted" | "baseline" | "privileged";
export type NamespacePosture = { namespace: string; cluster?: string; level: PssLevel; failingControls: string[] };

/**
 * The strictest Pod Security Standard each namespace meets today: restricted when no control fails there, baseline
 * when only restricted controls fail, privileged otherwise. Namespaces come from the scope and from failing resources.
 */
export const pssNamespaces = (controls: readonly AssessedControl[], namespaces: readonly string[] = []): NamespacePosture[] => {
  const failing = new Map<string, { cluster?: string; namespace: string; controls: Set<string> }>();
  const keyOf = (cluster: string | undefined, ns: string) => `${cluster ?? ""}\u0000${ns}`;
  for (const ns of namespaces) failing.set(keyOf(undefined, ns), { namespace: ns, controls: new Set() });
  for (const c of controls) for (const f of c.failing) {
    if (!f.namespace) continue;
    const key = keyOf(f.cluster, f.namespace);
    const entry = failing.get(key) ?? { cluster: f.cluster, namespace: f.namespace, controls: new Set<string>() };
    entry.controls.add(c.id);
    failing.set(key, entry);
  }
  const sectionOf = new Map(controls.map((c) => [c.id, c.section]));
  return [...failing.values()]
    .map((e): NamespacePosture => {
      const ids = [...e.controls].sort();
      const level: PssLevel = ids.some((id) => sectionOf.get(id) === "baseline") ? "privileged" : ids.length ? "baseline" : "restricted";
      return { namespace: e.namespace, ...(e.cluster ? { cluster: e.cluster } : {}), level, failingControls: ids };
    })
    .sort((a, b) => (a.cluster ?? "").localeCompare(b.cluster ?? "") || a.namespace.localeCompare(b.namespace));
};
