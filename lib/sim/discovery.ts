import type { SimStore } from "./store";
import { REVIEW_RESOURCES } from "./resources";

const ALL_CATEGORY = new Set(["pods", "services", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "replicationcontrollers", "horizontalpodautoscalers"]);

const groupVersion = (group: string, version: string) => (group ? `${group}/${version}` : version);

export const apiVersions = (serverAddress: string) => ({
  kind: "APIVersions",
  versions: ["v1"],
  serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
});

const apiGroup = (name: string, versions: string[]) => ({
  name,
  versions: versions.map((version) => ({ groupVersion: groupVersion(name, version), version })),
  preferredVersion: { groupVersion: groupVersion(name, versions[0]), version: versions[0] },
});

export const apiGroupList = (store: SimStore) => ({
  kind: "APIGroupList",
  apiVersion: "v1",
  groups: [...store.groups()].filter(([name]) => name !== "").sort(([a], [b]) => a.localeCompare(b)).map(([name, versions]) => apiGroup(name, versions)),
});

export const apiGroupDoc = (store: SimStore, name: string) => {
  const versions = store.groups().get(name);
  return versions && name ? { kind: "APIGroup", apiVersion: "v1", ...apiGroup(name, versions) } : undefined;
};

/** The read-only simulator advertises only what it serves: get and list, or create for the review APIs. */
export const apiResourceList = (store: SimStore, group: string, version: string) => {
  const resources = store.resources.filter((r) => r.group === group && r.versions.includes(version));
  if (!resources.length && !(store.groups().get(group) ?? []).includes(version)) return undefined;
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: groupVersion(group, version),
    resources: resources
      .sort((a, b) => a.resource.localeCompare(b.resource))
      .map((r) => ({
        name: r.resource,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: REVIEW_RESOURCES.has(r.resource) ? ["create"] : ["get", "list"],
        ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
        ...(ALL_CATEGORY.has(r.resource) && r.builtin ? { categories: ["all"] } : {}),
      })),
  };
};

export const versionInfo = (gitVersion: string) => {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? "1",
    minor: m?.[2] ?? "0",
    gitVersion,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "2024-01-01T00:00:00Z",
    goVersion: "go1.21.5",
    compiler: "gc",
    platform: "linux/amd64",
  };
};
