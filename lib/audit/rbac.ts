import { isSuccessful, isSystemPrincipal, MUTATE_VERBS } from "./event-helpers";
import type { AuditEvent } from "./types";

type Obj = Record<string, unknown>;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export const PRIVILEGED_ROLES = ["cluster-admin", "admin", "system:masters", "system:kube-controller-manager", "system:node", "system:kube-scheduler"];
export const BROAD_GROUPS = ["system:anonymous", "system:unauthenticated", "system:authenticated", "system:serviceaccounts", "system:masters"];
const isPrivilegedRole = (name: string) => PRIVILEGED_ROLES.includes(name) || name.startsWith("system:controller:");

export type Subject = { kind: string; name: string; namespace?: string };

export const subjectsOf = (object: Obj | undefined): Subject[] =>
  (Array.isArray(object?.subjects) ? (object.subjects as Obj[]) : [])
    .filter((s) => s && typeof s.name === "string")
    .map((s) => ({ kind: String(s.kind ?? "User"), name: s.name as string, namespace: typeof s.namespace === "string" ? s.namespace : undefined }));

/** The username a subject authenticates as: ServiceAccounts become system:serviceaccount:<ns>:<name>. */
export const subjectUsername = (s: Subject, fallbackNs?: string): string | undefined =>
  s.kind === "ServiceAccount" ? `system:serviceaccount:${s.namespace ?? fallbackNs ?? "default"}:${s.name}` : s.kind === "User" ? s.name : undefined;

export const describeSubjects = (subjects: Subject[]) => subjects.map((s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ""}${s.name}`).join(", ") || "(no subjects logged)";

/** A successful create/update/patch of a (Cluster)RoleBinding by a non-system principal, with its role and subjects. */
export const bindingChangeOf = (e: AuditEvent) => {
  const r = e.objectRef.resource;
  if ((r !== "clusterrolebindings" && r !== "rolebindings") || e.objectRef.subresource) return undefined;
  if (!MUTATE_VERBS.includes(e.verb) || !isSuccessful(e) || isSystemPrincipal(e.user.username)) return undefined;
  const roleRef = (e.object?.roleRef ?? {}) as Obj;
  const subjects = subjectsOf(e.object);
  return { role: typeof roleRef.name === "string" ? roleRef.name : undefined, subjects, cluster: r === "clusterrolebindings" };
};

/** Why a binding is dangerous, or undefined: privileged role, or a group that means "everyone". */
export const privilegedBindingOf = (e: AuditEvent) => {
  const b = bindingChangeOf(e);
  if (!b) return undefined;
  const broad = b.subjects.filter((s) => s.kind === "Group" && BROAD_GROUPS.includes(s.name));
  const role = b.role && isPrivilegedRole(b.role) ? b.role : undefined;
  if (!role && broad.length === 0) return undefined;
  return { ...b, privilegedRole: role, broadGroups: broad.map((s) => s.name) };
};

const SENSITIVE_VERBS = ["*", "escalate", "bind", "impersonate"];
const SENSITIVE_RESOURCES = ["*", "secrets", "pods/exec", "pods/attach", "nodes/proxy", "nodes/*", "serviceaccounts/token", "certificatesigningrequests/approval", "mutatingwebhookconfigurations", "validatingwebhookconfigurations"];
const WRITE_VERBS = ["create", "update", "patch", "delete", "deletecollection"];

export type RoleRisk = { severity: "critical" | "high" | "low"; reasons: string[] };

/** Judges each rule on its own (verbs x resources of that rule, never the flattened union). */
export const roleRiskOf = (object: Obj | undefined): RoleRisk | undefined => {
  const reasons: string[] = [];
  let writes = false;
  for (const rule of Array.isArray(object?.rules) ? (object.rules as Obj[]) : []) {
    const verbs = strings(rule?.verbs);
    const resources = strings(rule?.resources);
    const verbHit = verbs.filter((v) => SENSITIVE_VERBS.includes(v));
    const resHit = resources.filter((r) => SENSITIVE_RESOURCES.includes(r));
    if (verbHit.length && (resources.length || strings(rule?.nonResourceURLs).length)) reasons.push(`verbs ${verbHit.join(",")} on ${resources.join(",") || strings(rule?.nonResourceURLs).join(",")}`);
    else if (resHit.length && verbs.length) reasons.push(`${verbs.join(",")} on ${resHit.join(",")}`);
    if (verbs.some((v) => WRITE_VERBS.includes(v))) writes = true;
  }
  const labels = ((object?.metadata as Obj | undefined)?.labels ?? {}) as Obj;
  const aggregates = ["rbac.authorization.k8s.io/aggregate-to-admin", "rbac.authorization.k8s.io/aggregate-to-edit"].filter((l) => labels[l] === "true");
  if (aggregates.length) reasons.unshift(`aggregated into ${aggregates.map((l) => l.split("aggregate-to-")[1]).join("/")}`);
  if (aggregates.length && reasons.length > 1) return { severity: "critical", reasons };
  if (reasons.length) return { severity: "high", reasons };
  return writes ? { severity: "low", reasons: ["grants write verbs"] } : undefined;
};

/** A successful create/update/patch of a Role/ClusterRole by a non-system principal that grants something sensitive. */
export const sensitiveRoleChangeOf = (e: AuditEvent) => {
  const r = e.objectRef.resource;
  if ((r !== "roles" && r !== "clusterroles") || e.objectRef.subresource) return undefined;
  if (!MUTATE_VERBS.includes(e.verb) || !isSuccessful(e) || isSystemPrincipal(e.user.username)) return undefined;
  return roleRiskOf(e.object);
};
