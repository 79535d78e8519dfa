import { apiFetch } from "./api-client";

export type TSeverity = "critical" | "high" | "medium" | "low" | "info";
export type TRangePreset = "1h" | "24h" | "7d" | "custom";
export type TTimeRange = { range: TRangePreset; from?: string; to?: string };

/** One row of audit_events as the API returns it (the raw JSON is fetched on demand). */
export type TAuditEventDto = {
  clusterId: string;
  auditId: string;
  stage: string;
  ts: string;
  verb: string;
  username: string;
  sourceIp: string | null;
  userAgent: string | null;
  resource: string | null;
  subresource: string | null;
  namespace: string | null;
  name: string | null;
  apiGroup: string | null;
  code: number | null;
  decision: string | null;
};

export type TTimelinePoint = { t: number; events: number; denied: number };
export type TTimeline = { from: string; to: string; bucketSeconds: number; points: TTimelinePoint[] };
export type TSeenValue = { value: string; events: number; firstSeen: string; lastSeen: string };

export type TActivityRow = { clusterId: string; verb: string; resource: string; events: number; firstSeen: string; lastSeen: string; isFirstSeen: boolean };
export type TPrincipalActivity = {
  principal: string;
  isServiceAccount: boolean;
  from: string;
  to: string;
  clusters: Array<{ id: string; name: string }>;
  total: number;
  activity: TActivityRow[];
  sourceIps: TSeenValue[];
  userAgents: TSeenValue[];
  timeline: TTimeline;
  events: TAuditEventDto[];
};

export type TResourceToucher = { username: string; verb: string; subresource: string | null; events: number; denied: number; firstSeen: string; lastSeen: string };
export type TResourceActivity = {
  cluster: { id: string; name: string };
  namespace: string;
  resource: string;
  name: string;
  from: string;
  to: string;
  total: number;
  touchers: TResourceToucher[];
  events: TAuditEventDto[];
};

export type TRawEvent = { clusterId: string; auditId: string; stage: string; ts: string; raw: unknown };

export const investigationKeys = {
  principal: (orgId: string, principal: string, cluster: string, range: TTimeRange) => ["org", orgId, "investigations", "principal", principal, cluster, range] as const,
  resource: (orgId: string, q: TResourceQuery) => ["org", orgId, "investigations", "resource", q] as const,
  rawEvent: (orgId: string, clusterId: string, auditId: string, stage: string) => ["org", orgId, "investigations", "event", clusterId, auditId, stage] as const,
};

export type TResourceQuery = TTimeRange & { cluster: string; namespace: string; resource: string; name: string };

const qs = (params: Record<string, string | undefined>) => new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();

export const fetchPrincipalActivity = (input: { principal: string; cluster?: string } & TTimeRange, signal?: AbortSignal) =>
  apiFetch<TPrincipalActivity>(`/api/v1/investigations/principal?${qs({ ...input })}`, { signal });

export const fetchResourceActivity = (input: TResourceQuery, signal?: AbortSignal) => apiFetch<TResourceActivity>(`/api/v1/investigations/resource?${qs({ ...input })}`, { signal });

export const fetchRawEvent = (input: { clusterId: string; auditId: string; stage: string }, signal?: AbortSignal) =>
  apiFetch<TRawEvent>(`/api/v1/investigations/events/${encodeURIComponent(input.auditId)}?${qs({ cluster: input.clusterId, stage: input.stage })}`, { signal });

export const principalHref = (principal: string, cluster?: string) => `/investigations/principals/${encodeURIComponent(principal)}${cluster ? `?cluster=${encodeURIComponent(cluster)}` : ""}`;
export const resourceHref = (r: { cluster: string; namespace?: string | null; resource: string; name?: string | null }) =>
  `/investigations/resources?${qs({ cluster: r.cluster, namespace: r.namespace ?? "", resource: r.resource, name: r.name ?? "" })}`;

export type TAllowListEntry = {
  id: string;
  principal: string;
  detectionId: string | null;
  detectionTitle: string | null;
  cluster: { id: string; name: string } | null;
  reason: string;
  createdBy: string | null;
  createdAt: string;
};
export type TCreateAllowListEntry = { principal: string; detectionId?: string | null; clusterId?: string | null; reason: string };

export const allowListKeys = { all: (orgId: string) => ["org", orgId, "audit-allowlist"] as const };

export const fetchAllowList = (signal?: AbortSignal) => apiFetch<TAllowListEntry[]>("/api/v1/audit-allowlist", { signal });
export const createAllowListEntry = (body: TCreateAllowListEntry) => apiFetch<TAllowListEntry>("/api/v1/audit-allowlist", { method: "POST", body });
export const deleteAllowListEntry = (id: string) => apiFetch<void>(`/api/v1/audit-allowlist/${encodeURIComponent(id)}`, { method: "DELETE" });
