import { ApiStatusError } from "./k8s-errors";
import type { Transport } from "./transport";

export type ApiResource = { group: string; version: string; resource: string; kind: string; namespaced: boolean; verbs: string[] };

export type Discovery = {
  /** Every (group, version, resource) served, subresources excluded. */
  all: ApiResource[];
  /** One entry per (group, resource): the first version in the group's preference order that serves it. */
  preferred: ApiResource[];
  /** Group versions whose resource list could not be read (a broken aggregated API is common). */
  failures: Array<{ groupVersion: string; message: string }>;
};

type GroupList = { groups?: Array<{ name: string; versions?: Array<{ version: string }>; preferredVersion?: { version: string } }> };
type ResourceList = { resources?: Array<{ name: string; kind: string; namespaced: boolean; verbs?: string[] }> };

/** Legacy (non-aggregated) discovery: /api, /apis, then one resource list per group version. */
export const discover = async (t: Transport): Promise<Discovery> => {
  const groups: Array<{ name: string; versions: string[] }> = [];
  const core = await t.get<{ versions?: string[] }>("/api");
  groups.push({ name: "", versions: core.versions ?? ["v1"] });
  const apis = await t.get<GroupList>("/apis");
  for (const g of apis.groups ?? []) {
    const versions = (g.versions ?? []).map((v) => v.version);
    const preferred = g.preferredVersion?.version;
    groups.push({ name: g.name, versions: preferred ? [preferred, ...versions.filter((v) => v !== preferred)] : versions });
  }
  const all: ApiResource[] = [];
  const preferred: ApiResource[] = [];
  const failures: Discovery["failures"] = [];
  for (const g of groups) {
    const seen = new Set<string>();
    for (const version of g.versions) {
      const gv = g.name ? `${g.name}/${version}` : version;
      let list: ResourceList;
      try {
        list = await t.get<ResourceList>(g.name ? `/apis/${gv}` : `/api/${gv}`);
      } catch (err) {
        if (!(err instanceof ApiStatusError) || err.status === 401) throw err;
        failures.push({ groupVersion: gv, message: err.message });
        continue;
      }
      for (const r of list.resources ?? []) {
        if (r.name.includes("/")) continue;
        const entry = { group: g.name, version, resource: r.name, kind: r.kind, namespaced: r.namespaced, verbs: r.verbs ?? [] };
        all.push(entry);
        if (!seen.has(r.name)) {
          seen.add(r.name);
          preferred.push(entry);
        }
      }
    }
  }
  return { all, preferred, failures };
};
