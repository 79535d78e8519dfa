import { createHash } from "node:crypto";
import type { K8sObject } from "../scanner/types";
import { builtinFor, builtinResources, pluralOf, type SimResource, sortVersions, splitApiVersion } from "./resources";

export type StoredObject = { obj: K8sObject; res: SimResource };

/** The simulator's read-only etcd: resource types, their objects, and the list resourceVersion. */
export type SimStore = {
  resources: SimResource[];
  resourceVersion: string;
  /** Objects that could not be served (no name, bad apiVersion), with the reason. */
  rejected: Array<{ kind?: string; name?: string; reason: string }>;
  /** Served versions of each group, preferred first. */
  groups(): Map<string, string[]>;
  find(group: string, version: string, resource: string): SimResource | undefined;
  objectsOf(res: SimResource): readonly StoredObject[];
  /** The same object converted to another served version: only apiVersion changes (no schema conversion). */
  present(stored: StoredObject, version: string): K8sObject;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const uidFor = (seed: string): string => {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const addCrdResources = (resources: SimResource[], objects: readonly K8sObject[]) => {
  for (const crd of objects) {
    if (crd.kind !== "CustomResourceDefinition" || !isRecord(crd.spec)) continue;
    const { group, names, scope, versions, version } = crd.spec as Record<string, unknown>;
    if (typeof group !== "string" || !isRecord(names) || typeof names.kind !== "string") continue;
    const served = Array.isArray(versions)
      ? versions.filter((v) => isRecord(v) && v.served !== false && typeof v.name === "string").map((v) => (v as { name: string }).name)
      : typeof version === "string" ? [version] : [];
    if (resources.some((r) => r.group === group && r.kind === names.kind)) continue;
    resources.push({
      group,
      kind: names.kind,
      resource: typeof names.plural === "string" ? names.plural : pluralOf(names.kind),
      singular: typeof names.singular === "string" ? names.singular : names.kind.toLowerCase(),
      shortNames: Array.isArray(names.shortNames) ? names.shortNames.filter((s): s is string => typeof s === "string") : [],
      namespaced: scope !== "Cluster",
      versions: served,
      builtin: false,
    });
  }
};

/** A kind nobody declared: namespaced when any of its objects has a namespace, as a CRD author would have chosen. */
const inferResource = (group: string, kind: string, objects: readonly K8sObject[]): SimResource => ({
  group, kind,
  resource: pluralOf(kind),
  singular: kind.toLowerCase(),
  shortNames: [],
  namespaced: objects.some((o) => o.kind === kind && typeof o.metadata?.namespace === "string" && o.metadata.namespace !== ""),
  versions: [],
  builtin: false,
});

/** Builds the store; objects are copied, never mutated. Later duplicates replace earlier ones, as `kubectl apply` would. */
export const buildStore = (input: readonly K8sObject[]): SimStore => {
  const resources = builtinResources();
  addCrdResources(resources, input);
  const rejected: SimStore["rejected"] = [];
  const byKey = new Map<string, StoredObject>();
  input.forEach((original, index) => {
    const { group, version } = splitApiVersion(original.apiVersion ?? "");
    const kind = original.kind ?? "";
    const name = original.metadata?.name;
    if (!version || version.includes("/") || !/^[A-Za-z][A-Za-z0-9]*$/.test(kind)) return void rejected.push({ kind, name, reason: `bad apiVersion/kind "${original.apiVersion}" "${kind}"` });
    if (typeof name !== "string" || !name) return void rejected.push({ kind, reason: "metadata.name is missing" });
    let res = builtinFor(resources, group, kind) ?? resources.find((r) => r.group === group && r.kind === kind);
    if (!res) resources.push((res = inferResource(group, kind, input)));
    if (!res.versions.includes(version)) res.versions.push(version);
    const obj = structuredClone(original);
    const metadata = (obj.metadata = { ...obj.metadata });
    if (res.namespaced && !metadata.namespace) metadata.namespace = "default";
    if (!res.namespaced) delete metadata.namespace;
    metadata.uid ??= uidFor(`${group}/${kind}/${metadata.namespace ?? ""}/${name}`);
    metadata.resourceVersion ??= String(1000 + index);
    byKey.set(`${res.group}/${res.resource}/${metadata.namespace ?? ""}/${name}`, { obj, res });
  });
  const perResource = new Map<SimResource, StoredObject[]>();
  for (const stored of byKey.values()) perResource.set(stored.res, [...(perResource.get(stored.res) ?? []), stored]);
  for (const list of perResource.values()) {
    list.sort((a, b) => `${a.obj.metadata?.namespace ?? ""}/${a.obj.metadata?.name}`.localeCompare(`${b.obj.metadata?.namespace ?? ""}/${b.obj.metadata?.name}`));
  }
  for (const r of resources) r.versions = sortVersions(r.versions);
  const live = resources.filter((r) => r.versions.length > 0);
  return {
    resources: live,
    resourceVersion: String(1000 + input.length + 1),
    rejected,
    groups: () => {
      const groups = new Map<string, string[]>();
      for (const r of live) groups.set(r.group, sortVersions([...(groups.get(r.group) ?? []), ...r.versions]));
      return groups;
    },
    find: (group, version, resource) => live.find((r) => r.group === group && r.resource === resource && r.versions.includes(version)),
    objectsOf: (res) => perResource.get(res) ?? [],
    present: (stored, version) => ({ ...stored.obj, apiVersion: stored.res.group ? `${stored.res.group}/${version}` : version }),
  };
};

/**
 * The objects as a client reading the preferred version of each resource sees them: namespaced objects
 * without a namespace land in "default", cluster-scoped ones lose theirs, apiVersion is the preferred one.
 */
export const asServed = (input: readonly K8sObject[]): K8sObject[] => {
  const store = buildStore(input);
  return store.resources.flatMap((res) => store.objectsOf(res).map((s) => store.present(s, res.versions[0])));
};
