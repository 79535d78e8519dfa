import type { PolicyRule, SourcedRule } from "./model";

/** Any name, including rules restricted by resourceNames (used where naming the target does not make it safe). */
export const ANY_NAME: unique symbol = Symbol("any-name");

/**
 * One API request. `resource` may carry a subresource ("pods/exec"). `name` undefined asks about every
 * object (a resourceNames-restricted rule does not allow that); a string asks about that object.
 */
export type Request = { verb: string; group: string; resource: string; name?: string | typeof ANY_NAME };

const has = (list: string[], value: string) => list.includes("*") || list.includes(value);

/** The Kubernetes RBAC matching (rbac/v1 helpers): "*" or exact, and "*\u002Fsub" matches that subresource of any resource. */
export const resourceMatches = (rule: PolicyRule, resource: string): boolean => {
  const slash = resource.indexOf("/");
  const sub = slash >= 0 ? resource.slice(slash + 1) : "";
  for (const r of rule.resources) {
    if (r === "*" || r === resource) return true;
    if (sub !== "" && r.length === sub.length + 2 && r.startsWith("*/") && r.endsWith(sub)) return true;
  }
  return false;
};

export const ruleAllows = (rule: PolicyRule, req: Request): boolean => {
  if (!rule.resources.length || !has(rule.verbs, req.verb) || !has(rule.apiGroups, req.group) || !resourceMatches(rule, req.resource)) return false;
  if (!rule.resourceNames.length || req.name === ANY_NAME) return true;
  return req.name !== undefined && rule.resourceNames.includes(req.name);
};

/** The first rule that allows the request, for evidence. */
export const findRule = (rules: readonly SourcedRule[], req: Request): SourcedRule | undefined => {
  for (const r of rules) if (ruleAllows(r.rule, req)) return r;
  return undefined;
};

/** A set of requests, any of which is enough: verbs x groups x resources (x names). */
/** `names`: undefined in the list asks about every object (unrestricted rules only). */
export type RequestSet = { verbs: string[]; groups: string[]; resources: string[]; names?: Array<string | typeof ANY_NAME | undefined> };

// Request sets are the capability table's constants, asked about for every binding of a scan: expand each once.
const expanded = new WeakMap<RequestSet, readonly Request[]>();

export const expand = (set: RequestSet): readonly Request[] => {
  const known = expanded.get(set);
  if (known) return known;
  const out: Request[] = [];
  for (const verb of set.verbs)
    for (const group of set.groups)
      for (const resource of set.resources)
        for (const name of set.names ?? [undefined]) out.push({ verb, group, resource, name });
  expanded.set(set, out);
  return out;
};

/** The first rule (and the request it allows) matching any request of the set. */
export const findAny = (rules: readonly SourcedRule[], set: RequestSet): { rule: SourcedRule; req: Request } | undefined => {
  for (const req of expand(set)) {
    const rule = findRule(rules, req);
    if (rule) return { rule, req };
  }
  return undefined;
};

const ALL_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete"];

/** A rule that grants every verb on every resource of every API group: cluster-admin in all but name. */
export const isAdminRule = (rule: PolicyRule): boolean =>
  rule.apiGroups.includes("*") &&
  rule.resources.includes("*") &&
  !rule.resourceNames.length &&
  (rule.verbs.includes("*") || ALL_VERBS.every((v) => rule.verbs.includes(v)));

/** Short text of a rule for messages: "verbs [create] on pods/exec (apiGroups [\"\"])". */
export const describeRule = (r: SourcedRule): string => {
  const { rule } = r;
  const names = rule.resourceNames.length ? ` resourceNames [${rule.resourceNames.join(", ")}]` : "";
  const groups = rule.apiGroups.map((g) => (g === "" ? '""' : g)).join(", ");
  return `${r.roleKind} '${r.roleName}' ${r.path}: verbs [${rule.verbs.join(", ")}] on [${rule.resources.join(", ")}] in apiGroups [${groups}]${names}`;
};
