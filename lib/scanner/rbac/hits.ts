import type { ScanContext } from "../define-rule";
import type { Evidence, Hit } from "../types";
import { evaluate, type Capability } from "./capabilities";
import { effectivePermissions } from "./effective";
import { describeRule, isAdminRule } from "./match";
import { describeBinding, describeRole, describeSubject, type BindingInfo, type BindingKind, type RoleInfo, type RoleKind, type SourcedRule } from "./model";

export const RBAC_TARGETS = ["ClusterRoleBinding", "RoleBinding", "ClusterRole", "Role"] as const;

const MAX_LISTED = 5;

/** "User 'alice', ServiceAccount 'ci/deployer' and 3 more" */
export const describeSubjects = (b: BindingInfo, pick: (i: number) => boolean = () => true): string => {
  const list = b.subjects.filter((s) => pick(s.index)).map((s) => describeSubject(s.subject));
  return list.length <= MAX_LISTED ? list.join(", ") : `${list.slice(0, MAX_LISTED).join(", ")} and ${list.length - MAX_LISTED} more`;
};

export const subjectPaths = (b: BindingInfo, pick: (i: number) => boolean = () => true): Evidence[] =>
  b.subjects.filter((s) => pick(s.index)).map((s) => ({ path: `subjects[${s.index}]`, value: `${s.subject.kind}:${s.subject.namespace ? `${s.subject.namespace}/` : ""}${s.subject.name}` }));

export const scopeOf = (b: BindingInfo): string => (b.kind === "ClusterRoleBinding" ? "in all namespaces" : `in namespace '${b.namespace ?? "?"}'`);

/** "ClusterRoleBinding 'x' -> ClusterRole 'y'" */
export const describeChain = (b: BindingInfo, role: RoleInfo): string => `${describeBinding(b)} -> ${describeRole(role)}`;

/** Path of a rule inside the role the finding is attached to: aggregated rules point at aggregationRule. */
export const rulePathIn = (role: RoleInfo, r: SourcedRule): string =>
  r.roleKind === role.kind && r.roleName === role.name ? r.path : "aggregationRule.clusterRoleSelectors";

export type CapabilityOptions = {
  bindingKinds?: readonly BindingKind[];
  roleKinds?: readonly RoleKind[];
  /** Extra sentence for a binding's finding (e.g. which ServiceAccounts become reachable). */
  note?: (b: BindingInfo) => string;
};

/**
 * Findings for a capability, attached consistently: to every non-default binding that effectively grants it
 * (listing who and through which role); and to a non-default Role/ClusterRole that grants it but that no
 * binding in the snapshot uses (directly or through aggregation), as a latent grant.
 */
export const capabilityHits = (ctx: ScanContext, cap: Capability, opts: CapabilityOptions = {}): Hit[] => {
  const perms = effectivePermissions(ctx.snapshot);
  const hits: Hit[] = [];
  for (const b of perms.bindings) {
    if (b.isDefault || !b.role || !b.subjects.length) continue;
    if (opts.bindingKinds && !opts.bindingKinds.includes(b.kind)) continue;
    if (cap.namespaces && b.kind === "RoleBinding" && !cap.namespaces.includes(b.namespace ?? "")) continue;
    const rules = evaluate(b.role.rules, cap, b.kind === "RoleBinding");
    if (!rules) continue;
    const where = cap.namespaces && b.kind === "ClusterRoleBinding" ? `in namespace ${cap.namespaces.join(", ")} (and everywhere else)` : scopeOf(b);
    const note = opts.note?.(b);
    hits.push({
      object: b.obj,
      path: "roleRef.name",
      value: b.roleRef.name,
      message: `${describeChain(b, b.role)} lets ${describeSubjects(b)} ${cap.label} ${where}: ${rules.map(describeRule).join("; ")}${note ? `. ${note}` : ""}`,
      extraPaths: subjectPaths(b),
    });
  }
  for (const role of perms.roles.roles.values()) {
    if (role.builtin || role.isDefault || !role.obj) continue;
    if (opts.roleKinds && !opts.roleKinds.includes(role.kind)) continue;
    if (cap.namespaces && role.kind === "Role" && !cap.namespaces.includes(role.namespace ?? "")) continue;
    if (perms.isBound(role)) continue;
    const rules = evaluate(role.rules, cap, role.kind === "Role");
    if (!rules) continue;
    hits.push({
      object: role.obj,
      path: rulePathIn(role, rules[0]),
      message: `${describeRole(role)} grants ${cap.label}: ${rules.map(describeRule).join("; ")}. No binding in the snapshot uses it yet; every subject bound to it will get this`,
      extraPaths: rules.slice(1).map((r) => ({ path: rulePathIn(role, r) })),
    });
  }
  return hits;
};

/** Why a role amounts to admin: it is the cluster-admin ClusterRole, or one of its rules is * on * in *. */
export const adminReason = (role: RoleInfo): string | undefined => {
  if (role.kind === "ClusterRole" && role.name === "cluster-admin") return `${describeRole(role)} is cluster-admin`;
  const r = role.rules.find((x) => isAdminRule(x.rule));
  return r ? `${describeRule(r)} grants every verb on every resource` : undefined;
};

const SELF_REVIEWS = new Set(["selfsubjectaccessreviews", "selfsubjectrulesreviews", "selfsubjectreviews"]);

/** A role that grants only discovery: non-resource URLs (/healthz, /version, /apis) and self access reviews. */
export const grantsOnlyDiscovery = (role: RoleInfo): boolean =>
  role.rules.every(({ rule }) => !rule.resources.length || (rule.verbs.every((v) => v === "create") && rule.resources.every((r) => SELF_REVIEWS.has(r))));
