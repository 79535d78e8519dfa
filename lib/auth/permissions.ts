export const ROLES = ["owner", "admin", "analyst", "viewer"] as const;
export type TRole = (typeof ROLES)[number];

export const PERMISSIONS = [
  "org.read",
  "org.write",
  "members.read",
  "members.write",
  "audit.read",
  "system.read",
  "clusters.read",
  "clusters.write",
  "findings.read",
  "findings.write",
  "compliance.read",
  "investigations.read",
  "investigations.write",
  "reports.read",
  "reports.write",
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const VIEWER: TPermission[] = ["org.read", "system.read", "clusters.read", "findings.read", "compliance.read", "investigations.read", "reports.read"];
const ANALYST: TPermission[] = [...VIEWER, "findings.write", "investigations.write", "reports.write"];
const ADMIN: TPermission[] = [...ANALYST, "org.write", "members.read", "members.write", "audit.read", "clusters.write"];

/** What each role may do; checked on the server for every request, never only in the UI. */
export const ROLE_PERMISSIONS: Record<TRole, ReadonlySet<TPermission>> = {
  viewer: new Set(VIEWER),
  analyst: new Set(ANALYST),
  admin: new Set(ADMIN),
  owner: new Set(PERMISSIONS),
};

export const hasPermission = (role: TRole, permission: TPermission) => ROLE_PERMISSIONS[role].has(permission);

/** Roles a member may hand out: admins cannot create owners or other admins. */
export const canAssignRole = (actor: TRole, target: TRole) => actor === "owner" || (actor === "admin" && (target === "analyst" || target === "viewer"));
