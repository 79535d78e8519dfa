import type { Snapshot } from "../snapshot";
import type { K8sObject } from "../types";
import { BUILTIN_CLUSTER_ROLES, builtinClusterRole, isDefaultRbacObject } from "./defaults";
import { roleKey, rulesOf, type RoleInfo, type RoleKind, type SourcedRule } from "./model";

type Expression = { key?: unknown; operator?: unknown; values?: unknown };
type Selector = { matchLabels?: Record<string, unknown>; matchExpressions?: Expression[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const expressionsOf = (sel: Selector): Expression[] => (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.filter(isRecord) : []);
const matchLabelsOf = (sel: Selector): Array<[string, unknown]> => (isRecord(sel.matchLabels) ? Object.entries(sel.matchLabels) : []);
const labelsOf = (obj: K8sObject): Record<string, string> => (isRecord(obj.metadata?.labels) ? (obj.metadata.labels as Record<string, string>) : {});

export const selectorMatches = (sel: Selector, labels: Record<string, string>): boolean => {
  for (const [k, v] of matchLabelsOf(sel)) if (labels[k] !== v) return false;
  for (const e of expressionsOf(sel)) {
    const key = String(e.key ?? "");
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const present = Object.prototype.hasOwnProperty.call(labels, key);
    const ok =
      e.operator === "In" ? present && values.includes(labels[key]) :
      e.operator === "NotIn" ? !present || !values.includes(labels[key]) :
      e.operator === "Exists" ? present :
      e.operator === "DoesNotExist" ? !present : false;
    if (!ok) return false;
  }
  return true;
};

const selectorsOf = (obj: K8sObject): Selector[] | undefined => {
  const agg = obj.aggregationRule;
  if (!isRecord(agg) || !Array.isArray(agg.clusterRoleSelectors)) return undefined;
  return agg.clusterRoleSelectors.filter(isRecord) as Selector[];
};

export type RoleIndex = {
  roles: Map<string, RoleInfo>;
  get(kind: string, namespace: string | undefined, name: string): RoleInfo | undefined;
  /** ClusterRole name -> names of the ClusterRoles that aggregate it. */
  aggregatedInto: Map<string, string[]>;
};

/** Indexes Roles and ClusterRoles and resolves aggregation through a label index (no all-pairs scan). */
export const buildRoleIndex = (snapshot: Snapshot): RoleIndex => {
  const roles = new Map<string, RoleInfo>();
  const add = (obj: K8sObject, kind: RoleKind, builtin: boolean) => {
    const name = obj.metadata?.name;
    if (typeof name !== "string") return;
    const namespace = kind === "Role" ? obj.metadata?.namespace : undefined;
    const ownRules = rulesOf(obj, kind, name);
    roles.set(roleKey(kind, namespace, name), { kind, name, namespace, obj: builtin ? undefined : obj, builtin, isDefault: isDefaultRbacObject(obj), ownRules, rules: ownRules, aggregates: [] });
  };
  for (const obj of snapshot.byKind("Role")) add(obj, "Role", false);
  const clusterRoles: K8sObject[] = [...snapshot.byKind("ClusterRole")];
  for (const obj of clusterRoles) add(obj, "ClusterRole", false);
  for (const name of BUILTIN_CLUSTER_ROLES) {
    if (roles.has(roleKey("ClusterRole", undefined, name))) continue;
    const obj = builtinClusterRole(name)!;
    clusterRoles.push(obj);
    add(obj, "ClusterRole", true);
  }

  const byLabel = new Map<string, K8sObject[]>();
  for (const obj of clusterRoles) {
    for (const [k, v] of Object.entries(labelsOf(obj))) {
      for (const key of [`${k}=${v}`, k]) {
        let list = byLabel.get(key);
        if (!list) byLabel.set(key, (list = []));
        list.push(obj);
      }
    }
  }
  const candidates = (sel: Selector): readonly K8sObject[] => {
    const keys = matchLabelsOf(sel).map(([k, v]) => `${k}=${String(v)}`);
    for (const e of expressionsOf(sel)) if (e.operator === "Exists" || e.operator === "In") keys.push(String(e.key ?? ""));
    if (!keys.length) return clusterRoles;
    return keys.map((k) => byLabel.get(k) ?? []).reduce((a, b) => (b.length < a.length ? b : a));
  };

  const direct = new Map<string, string[]>();
  const aggregatedInto = new Map<string, string[]>();
  for (const obj of clusterRoles) {
    const selectors = selectorsOf(obj);
    const name = obj.metadata?.name;
    if (!selectors || typeof name !== "string") continue;
    const picked = new Set<string>();
    for (const sel of selectors)
      for (const c of candidates(sel)) {
        const cname = c.metadata?.name;
        if (typeof cname === "string" && cname !== name && selectorMatches(sel, labelsOf(c))) picked.add(cname);
      }
    direct.set(name, [...picked]);
    for (const p of picked) {
      const parents = aggregatedInto.get(p);
      if (parents) parents.push(name);
      else aggregatedInto.set(p, [name]);
    }
  }

  // Aggregation is transitive (an aggregated role can itself be selected); a DFS with memo and cycle guard.
  const done = new Set<string>();
  const resolve = (name: string, visiting: Set<string>): SourcedRule[] => {
    const info = roles.get(roleKey("ClusterRole", undefined, name));
    if (!info) return [];
    if (done.has(name) || visiting.has(name)) return info.rules;
    visiting.add(name);
    const seen = new Set(info.ownRules);
    const rules = [...info.ownRules];
    const aggregates: string[] = [];
    for (const child of direct.get(name) ?? []) {
      aggregates.push(child);
      for (const r of resolve(child, visiting)) if (!seen.has(r)) (seen.add(r), rules.push(r));
    }
    info.rules = rules;
    info.aggregates = aggregates;
    visiting.delete(name);
    done.add(name);
    return rules;
  };
  for (const name of direct.keys()) resolve(name, new Set());

  return { roles, get: (kind, namespace, name) => roles.get(roleKey(kind, namespace, name)), aggregatedInto };
};
