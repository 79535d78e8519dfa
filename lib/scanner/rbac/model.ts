import type { K8sObject } from "../types";

/** One rule of a Role/ClusterRole, normalised: missing lists are empty. */
export type PolicyRule = {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
};

/** A rule together with where it is written: the role that holds it and its path there. */
export type SourcedRule = { rule: PolicyRule; roleKind: RoleKind; roleName: string; path: string };

export type RoleKind = "Role" | "ClusterRole";
export type BindingKind = "RoleBinding" | "ClusterRoleBinding";
export type SubjectKind = "User" | "Group" | "ServiceAccount";

export type Subject = { kind: SubjectKind; name: string; namespace?: string };

export type RoleInfo = {
  kind: RoleKind;
  name: string;
  namespace?: string;
  /** Undefined for a built-in ClusterRole assumed because the snapshot does not hold it. */
  obj?: K8sObject;
  builtin: boolean;
  /** Ships with Kubernetes or the platform (system:*, rbac-defaults label, cluster-admin/admin/edit/view, eks:/gce:). */
  isDefault: boolean;
  ownRules: SourcedRule[];
  /** Own rules plus those of the ClusterRoles it aggregates (transitively). */
  rules: SourcedRule[];
  /** ClusterRoles whose rules were aggregated into this one. */
  aggregates: string[];
};

export type BindingInfo = {
  obj: K8sObject;
  kind: BindingKind;
  name: string;
  namespace?: string;
  roleRef: { kind: string; name: string };
  /** Undefined when the referenced role is missing (a dangling binding) or the reference is invalid. */
  role?: RoleInfo;
  subjects: Array<{ subject: Subject; index: number }>;
  isDefault: boolean;
};

/** A subject's access through one binding: `namespace` undefined means every namespace and cluster-scoped resources. */
export type Grant = { subject: Subject; subjectIndex: number; binding: BindingInfo; role: RoleInfo; namespace?: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export const normaliseRule = (raw: unknown): PolicyRule | undefined =>
  isRecord(raw)
    ? {
        apiGroups: strings(raw.apiGroups),
        resources: strings(raw.resources),
        verbs: strings(raw.verbs),
        resourceNames: strings(raw.resourceNames),
        nonResourceURLs: strings(raw.nonResourceURLs),
      }
    : undefined;

export const rulesOf = (obj: K8sObject, roleKind: RoleKind, roleName: string): SourcedRule[] => {
  const out: SourcedRule[] = [];
  const list = Array.isArray(obj.rules) ? obj.rules : [];
  list.forEach((raw, i) => {
    const rule = normaliseRule(raw);
    if (rule) out.push({ rule, roleKind, roleName, path: `rules[${i}]` });
  });
  return out;
};

export const subjectsOf = (obj: K8sObject): BindingInfo["subjects"] => {
  const out: BindingInfo["subjects"] = [];
  const list = Array.isArray(obj.subjects) ? obj.subjects : [];
  list.forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw.name !== "string") return;
    const kind = raw.kind;
    if (kind !== "User" && kind !== "Group" && kind !== "ServiceAccount") return;
    const namespace = kind === "ServiceAccount" ? (typeof raw.namespace === "string" ? raw.namespace : obj.metadata?.namespace) : undefined;
    out.push({ subject: { kind, name: raw.name, ...(namespace ? { namespace } : {}) }, index });
  });
  return out;
};

export const roleRefOf = (obj: K8sObject): BindingInfo["roleRef"] => {
  const ref = isRecord(obj.roleRef) ? obj.roleRef : {};
  return { kind: typeof ref.kind === "string" ? ref.kind : "", name: typeof ref.name === "string" ? ref.name : "" };
};

/** Stable key of a subject: "ServiceAccount:ns/name", "User:alice", "Group:dev". */
export const subjectKey = (s: Subject): string => (s.kind === "ServiceAccount" ? `ServiceAccount:${s.namespace ?? ""}/${s.name}` : `${s.kind}:${s.name}`);

export const describeSubject = (s: Subject): string =>
  s.kind === "ServiceAccount" ? `ServiceAccount '${s.namespace ?? "?"}/${s.name}'` : `${s.kind} '${s.name}'`;

export const roleKey = (kind: string, namespace: string | undefined, name: string): string =>
  kind === "ClusterRole" ? `ClusterRole:${name}` : `Role:${namespace ?? ""}/${name}`;

export const describeRole = (r: RoleInfo): string =>
  r.builtin ? `built-in ClusterRole '${r.name}' (not in the snapshot; its default rules assumed)` : `${r.kind} '${r.name}'`;

export const describeBinding = (b: BindingInfo): string =>
  b.kind === "RoleBinding" ? `RoleBinding '${b.namespace ?? "?"}/${b.name}'` : `ClusterRoleBinding '${b.name}'`;
