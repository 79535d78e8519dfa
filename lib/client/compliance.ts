import { apiFetch } from "./api-client";
import type { TFrameworkKey, TPostureSummary } from "./overview";

export type TControlStatus = "pass" | "fail" | "partial" | "not-assessable" | "not-applicable";
export const CONTROL_STATUSES: TControlStatus[] = ["fail", "partial", "pass", "not-applicable", "not-assessable"];
export type TScope = { cluster?: string; namespace?: string };
export type TFrameworkInfo = { key: TFrameworkKey; id: string; name: string; version: string; source: string; controls: number };
export type TScopeCluster = { id: string; name: string; namespaces: string[] };
export type TFrameworkList = { frameworks: Array<TFrameworkInfo & { posture: TPostureSummary | null }>; clusters: TScopeCluster[] };

export type TControl = {
  id: string; title: string; section: string; level: number | null; levelVerified: boolean | null; status: TControlStatus; reason: string;
  assessable: "yes" | "partial" | "no"; rules: string[]; detections: string[]; altIds: string[]; failingResources: number; findings: number;
};
export type TFrameworkPosture = TPostureSummary & {
  framework: TFrameworkInfo;
  scope: { cluster: string | null; namespace: string | null; clusters: string[] };
  controls: TControl[];
  coverageGaps: Array<{ kind: string; reason: string }>;
};
export type TControlFinding = { id: string; ruleId: string; title: string; severity: string; message: string; status: string; firstSeenAt: string };
export type TControlDetail = {
  framework: TFrameworkInfo;
  scope: { cluster: string | null; namespace: string | null };
  control: TControl & { notes: string; assessedBy: string | null };
  rules: Array<{ id: string; name: string; title: string; severity: string; remediation: string }>;
  resources: Array<{ clusterId: string; cluster: string; apiVersion: string; kind: string; namespace: string; name: string; findings: TControlFinding[] }>;
  truncated: boolean;
};

const scopeQuery = (scope: TScope) => {
  const q = new URLSearchParams();
  if (scope.cluster) q.set("cluster", scope.cluster);
  if (scope.namespace) q.set("namespace", scope.namespace);
  const s = q.toString();
  return s ? `?${s}` : "";
};

export const complianceKeys = {
  all: (orgId: string) => ["org", orgId, "compliance"] as const,
  frameworks: (orgId: string) => ["org", orgId, "compliance", "frameworks"] as const,
  posture: (orgId: string, framework: string, scope: TScope) => ["org", orgId, "compliance", "posture", framework, scope.cluster ?? "", scope.namespace ?? ""] as const,
  control: (orgId: string, framework: string, controlId: string, scope: TScope) => ["org", orgId, "compliance", "control", framework, controlId, scope.cluster ?? "", scope.namespace ?? ""] as const,
};

export const fetchFrameworks = (signal?: AbortSignal) => apiFetch<TFrameworkList>("/api/v1/compliance/frameworks", { signal });
export const fetchFrameworkPosture = (framework: string, scope: TScope, signal?: AbortSignal) =>
  apiFetch<TFrameworkPosture>(`/api/v1/compliance/${encodeURIComponent(framework)}${scopeQuery(scope)}`, { signal });
export const fetchControl = (framework: string, controlId: string, scope: TScope, signal?: AbortSignal) =>
  apiFetch<TControlDetail>(`/api/v1/compliance/${encodeURIComponent(framework)}/controls/${encodeURIComponent(controlId)}${scopeQuery(scope)}`, { signal });

/** Page links keep the scope in the URL, so a filtered view can be shared. */
export const compliancePath = (framework: string, scope: TScope, controlId?: string) =>
  `/compliance/${encodeURIComponent(framework)}${controlId ? `/${encodeURIComponent(controlId)}` : ""}${scopeQuery(scope)}`;
