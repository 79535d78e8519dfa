import { apiFetch } from "./api-client";
import type { TAuditEventDto, TSeenValue, TSeverity, TTimeline } from "./investigations";

export type TIncidentStatus = "open" | "investigating" | "closed_true_positive" | "closed_false_positive";
export const INCIDENT_STATUSES: readonly TIncidentStatus[] = ["open", "investigating", "closed_true_positive", "closed_false_positive"];
export const STATUS_LABEL: Record<TIncidentStatus, string> = {
  open: "Open",
  investigating: "Investigating",
  closed_true_positive: "Closed: true positive",
  closed_false_positive: "Closed: false positive",
};

export type TPerson = { id: string; name: string | null; email: string };

export type TIncidentDto = {
  id: string;
  title: string;
  severity: TSeverity;
  status: TIncidentStatus;
  principal: string;
  cluster: { id: string; name: string };
  assignee: TPerson | null;
  detections: number;
  firstSeen: string;
  lastSeen: string;
  closedAt: string | null;
  closeReason: string | null;
  createdAt: string;
};

export type TIncidentFilters = { status?: string; severity?: string; cluster?: string; principal?: string; from?: string; to?: string; page?: number; pageSize?: number };
export type TIncidentPage = { items: TIncidentDto[]; total: number; page: number; pageSize: number };

export type TDetectionDto = {
  id: string;
  detectionId: string;
  title: string;
  severity: TSeverity;
  message: string;
  tactic: string | null;
  description: string | null;
  refs: { mitre?: string[]; ms?: string[]; falco?: string[] };
  auditIds: string[];
  firstSeen: string;
  lastSeen: string;
};

export type TStoryItem =
  | { kind: "detection"; ts: string; detection: TDetectionDto }
  | { kind: "event"; ts: string; event: TAuditEventDto; detectionIds: string[] };

export type TTouchedResource = {
  namespace: string;
  resource: string;
  name: string;
  kind: string | null;
  verbs: string[];
  events: number;
  findings: Array<{ id: string; title: string; severity: TSeverity; ruleName: string }>;
};

export type TIncidentDetail = TIncidentDto & {
  detectionList: TDetectionDto[];
  timeline: TTimeline;
  markers: Array<{ id: string; label: string; title: string; severity: TSeverity; t: number }>;
  story: TStoryItem[];
  sourceIps: TSeenValue[];
  userAgents: TSeenValue[];
  touched: TTouchedResource[];
  assignees: TPerson[];
};

export type TUpdateIncident = { status?: TIncidentStatus; assigneeId?: string | null; closeReason?: string; allowList?: { scope: "cluster" | "org" } };

export const incidentKeys = {
  all: (orgId: string) => ["org", orgId, "incidents"] as const,
  list: (orgId: string, filters: TIncidentFilters) => ["org", orgId, "incidents", "list", filters] as const,
  detail: (orgId: string, id: string) => ["org", orgId, "incidents", "detail", id] as const,
};

const qs = (f: TIncidentFilters) => new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();

export const fetchIncidents = (filters: TIncidentFilters, signal?: AbortSignal) => apiFetch<TIncidentPage>(`/api/v1/incidents?${qs(filters)}`, { signal });
export const fetchIncident = (id: string, signal?: AbortSignal) => apiFetch<TIncidentDetail>(`/api/v1/incidents/${encodeURIComponent(id)}`, { signal });
export const updateIncident = (id: string, body: TUpdateIncident) => apiFetch<TIncidentDto & { allowListed: number }>(`/api/v1/incidents/${encodeURIComponent(id)}`, { method: "PATCH", body });
export const incidentExportHref = (id: string, format: "jsonl" | "csv") => `/api/v1/incidents/${encodeURIComponent(id)}/export?format=${format}`;
