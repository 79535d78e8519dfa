import type { Snapshot } from "../snapshot";
import { isDefaultRbacObject } from "./defaults";
import { findRule, type Request } from "./match";
import { roleKey, roleRefOf, subjectKey, subjectsOf, type BindingInfo, type BindingKind, type Grant, type RoleInfo, type SourcedRule, type Subject } from "./model";
import { buildRoleIndex, type RoleIndex } from "./roles";

export type EffectivePermissions = {
  roles: RoleIndex;
  bindings: BindingInfo[];
  grants: Grant[];
  /** Grants by subjectKey (the subject as written in the binding). */
  grantsBySubject: Map<string, Grant[]>;
  /** Bindings by roleKey of the role they reference (also for missing roles). */
  bindingsByRole: Map<string, BindingInfo[]>;
  /** Whether any binding grants the role, directly or through a ClusterRole that aggregates it. */
  isBound(role: RoleInfo): boolean;
};

const resolveRole = (roles: RoleIndex, kind: BindingKind, namespace: string | undefined, ref: BindingInfo["roleRef"]): RoleInfo | undefined => {
  if (ref.kind === "ClusterRole") return roles.get("ClusterRole", undefined, ref.name);
  // A ClusterRoleBinding cannot reference a Role; a RoleBinding references a Role of its own namespace.
  if (ref.kind === "Role" && kind === "RoleBinding") return roles.get("Role", namespace, ref.name);
  return undefined;
};

const compute = (snapshot: Snapshot): EffectivePermissions => {
  const roles = buildRoleIndex(snapshot);
  const bindings: BindingInfo[] = [];
  const grants: Grant[] = [];
  const grantsBySubject = new Map<string, Grant[]>();
  const bindingsByRole = new Map<string, BindingInfo[]>();
  for (const kind of ["ClusterRoleBinding", "RoleBinding"] as const) {
    for (const obj of snapshot.byKind(kind)) {
      const name = obj.metadata?.name;
      if (typeof name !== "string") continue;
      const namespace = kind === "RoleBinding" ? obj.metadata?.namespace : undefined;
      const roleRef = roleRefOf(obj);
      const role = resolveRole(roles, kind, namespace, roleRef);
      const binding: BindingInfo = { obj, kind, name, namespace, roleRef, role, subjects: subjectsOf(obj), isDefault: isDefaultRbacObject(obj) };
      bindings.push(binding);
      const rk = roleKey(roleRef.kind === "ClusterRole" ? "ClusterRole" : "Role", namespace, roleRef.name);
      const byRole = bindingsByRole.get(rk);
      if (byRole) byRole.push(binding);
      else bindingsByRole.set(rk, [binding]);
      if (!role) continue;
      for (const { subject, index } of binding.subjects) {
        const grant: Grant = { subject, subjectIndex: index, binding, role, ...(namespace ? { namespace } : {}) };
        grants.push(grant);
        const sk = subjectKey(subject);
        let list = grantsBySubject.get(sk);
        if (!list) grantsBySubject.set(sk, (list = []));
        list.push(grant);
      }
    }
  }

  const bound = new Map<string, boolean>();
  const isBound = (role: RoleInfo, visiting = new Set<string>()): boolean => {
    const rk = roleKey(role.kind, role.namespace, role.name);
    const cached = bound.get(rk);
    if (cached !== undefined) return cached;
    if (visiting.has(rk)) return false;
    visiting.add(rk);
    let result = (bindingsByRole.get(rk) ?? []).some((b) => b.role === role && b.subjects.length > 0);
    if (!result && role.kind === "ClusterRole")
      result = (roles.aggregatedInto.get(role.name) ?? []).some((parent) => {
        const p = roles.get("ClusterRole", undefined, parent);
        return !!p && isBound(p, visiting);
      });
    bound.set(rk, result);
    return result;
  };

  return { roles, bindings, grants, grantsBySubject, bindingsByRole, isBound: (role) => isBound(role) };
};

/** Effective RBAC of the snapshot, computed once per scan and shared by every rule. Linear in objects. */
export const effectivePermissions = (snapshot: Snapshot): EffectivePermissions => snapshot.memo("rbac:effective", () => compute(snapshot));

/** The groups Kubernetes adds to a subject's own identity when it authenticates. */
export const groupsOf = (s: Subject): string[] =>
  s.kind === "ServiceAccount"
    ? ["system:serviceaccounts", `system:serviceaccounts:${s.namespace ?? ""}`, "system:authenticated"]
    : s.kind === "User"
      ? s.name === "system:anonymous" ? ["system:unauthenticated"] : ["system:authenticated"]
      : [];

/** Every grant that applies to a subject: its own bindings plus those of the groups it belongs to. */
export const grantsFor = (perms: EffectivePermissions, s: Subject): Grant[] => {
  const out = [...(perms.grantsBySubject.get(subjectKey(s)) ?? [])];
  for (const g of groupsOf(s)) out.push(...(perms.grantsBySubject.get(subjectKey({ kind: "Group", name: g })) ?? []));
  return out;
};

/** Whether a grant reaches `namespace` (undefined: cluster-wide, i.e. all namespaces and cluster-scoped resources). */
export const grantCovers = (g: Grant, namespace: string | undefined): boolean => g.namespace === undefined || g.namespace === namespace;

export type Decision = { grant: Grant; rule: SourcedRule };

/**
 * The SubjectAccessReview question, answered offline: may `subject` do `verb` on `group`/`resource`
 * in `namespace` (omit it for cluster-wide/cluster-scoped)? Returns the grant and rule that allow it.
 * Excluding default bindings is up to the caller (`opts.skipDefault`).
 */
export const can = (
  perms: EffectivePermissions,
  subject: Subject,
  req: Request & { namespace?: string },
  opts: { skipDefault?: boolean } = {},
): Decision | undefined => {
  for (const grant of grantsFor(perms, subject)) {
    if (opts.skipDefault && grant.binding.isDefault) continue;
    if (!grantCovers(grant, req.namespace)) continue;
    const rule = findRule(grant.role.rules, req);
    if (rule) return { grant, rule };
  }
  return undefined;
};
