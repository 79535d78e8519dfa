import { memoize } from "./memo";
import { CONTROL_PLANE, DEPLOYER_NAMESPACES, DEPLOYER_SERVICE_ACCOUNTS, matchesPatterns, SYSTEM_NAMESPACES } from "./allowlists";
import type { AuditEvent } from "./types";

export const WRITE_VERBS = ["create", "update", "patch", "delete", "deletecollection"];
export const MUTATE_VERBS = ["create", "update", "patch"];
export const READ_VERBS = ["get", "list", "watch"];

export const isAnonymous = (e: AuditEvent): boolean =>
  e.user.username === "system:anonymous" || e.user.groups.includes("system:unauthenticated");

/** The authorizer allowed it: decision annotation, or (when absent) a response code below 400. */
export const isAllowed = (e: AuditEvent): boolean =>
  e.decision ? e.decision === "allow" : e.code === undefined || e.code < 400;

export const isDenied = (e: AuditEvent): boolean => e.decision === "forbid" || e.code === 401 || e.code === 403;

/** Allowed and not failed (a create that hit 409/422 changed nothing). */
export const isSuccessful = (e: AuditEvent): boolean => isAllowed(e) && (e.code === undefined || e.code < 400);

export const isServiceAccount = (username: string): boolean => username.startsWith("system:serviceaccount:");
export const isNode = (username: string): boolean => username.startsWith("system:node:");

/** `system:serviceaccount:<ns>:<name>` → { namespace, name }. */
export const serviceAccountOf = (username: string) => {
  if (!isServiceAccount(username)) return undefined;
  const [, , namespace, name] = username.split(":");
  return { namespace, name };
};

/** Control-plane components, nodes, kube-system controllers and managed-platform identities. */
export const isSystemPrincipal = memoize((username: string): boolean => matchesPatterns(username, CONTROL_PLANE));

export const isSystemNamespace = (ns: string | undefined): boolean => !!ns && (SYSTEM_NAMESPACES.includes(ns) || ns.startsWith("gke-"));

/** A human or an unknown automation: not a system component and not anonymous. */
export const isHumanLike = (e: AuditEvent): boolean =>
  !!e.user.username && !isSystemPrincipal(e.user.username) && !isServiceAccount(e.user.username) && !isAnonymous(e);

export const isDeployer = (username: string): boolean => {
  const sa = serviceAccountOf(username);
  if (!sa) return false;
  return DEPLOYER_NAMESPACES.includes(sa.namespace) || matchesPatterns(sa.name, DEPLOYER_SERVICE_ACCOUNTS);
};

export const resourceOf = (e: AuditEvent): string => (e.objectRef.subresource ? `${e.objectRef.resource}/${e.objectRef.subresource}` : (e.objectRef.resource ?? ""));

/** Who did it, for messages: "alice" or "alice (as system:admin)". */
export const describePrincipal = (e: AuditEvent): string =>
  e.impersonatedUser?.username ? `${e.user.username} (as ${e.impersonatedUser.username})` : e.user.username || "unknown";

export const describeTarget = (e: AuditEvent): string => {
  const { resource, name, namespace } = e.objectRef;
  const r = resourceOf(e) || e.path;
  return `${r}${name ? ` '${name}'` : ""}${namespace ? ` in namespace '${namespace}'` : ""}`;
};

/** ", allowed by RBAC: ClusterRoleBinding ..." from the authorization reason annotation, when present. */
export const allowedBy = (e: AuditEvent): string => (e.reason ? ` (allowed by ${e.reason})` : "");

const PRIVATE_V4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^127\./, /^169\.254\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

const privateIP = (ip: string): boolean => {
  if (!ip) return false;
  if (ip.includes(":")) return ip === "::1" || /^f[cd]/i.test(ip) || /^fe80:/i.test(ip) || ip.startsWith("::ffff:10.") || ip.startsWith("::ffff:192.168.");
  return PRIVATE_V4.some((r) => r.test(ip));
};

export const isPrivateIP = memoize(privateIP);

export const isIPv4 = (ip: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(ip);
export const isPublicIP = (ip: string): boolean => (isIPv4(ip) || ip.includes(":")) && !isPrivateIP(ip);

/** /24 for IPv4, /48 for IPv6: the unit "new source network" is measured in. */
export const networkOf = memoize((ip: string): string => (isIPv4(ip) ? ip.split(".").slice(0, 3).join(".") + ".0/24" : ip.split(":").slice(0, 3).join(":") + "::/48"));

const PAST: Record<string, string> = { create: "created", update: "updated", patch: "patched", delete: "deleted", deletecollection: "deleted a collection of", get: "read", list: "listed", watch: "watched" };
export const pastTense = (verb: string): string => PAST[verb] ?? `${verb}`;
