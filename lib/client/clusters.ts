import { apiFetch, ProblemError, type TProblem } from "./api-client";

export type TSeverity = "critical" | "high" | "medium" | "low" | "info";
export const SEVERITIES: TSeverity[] = ["critical", "high", "medium", "low", "info"];
export type TSeverityCounts = Record<TSeverity, number>;
export type TEnvironment = "prod" | "staging" | "dev";
export const ENVIRONMENTS: TEnvironment[] = ["prod", "staging", "dev"];
export type TClusterStatus = "pending" | "ok" | "degraded" | "unreachable" | "tls_error" | "unauthorized" | "error";
export type TCoverageEntry = { resource: string; status: "ok" | "forbidden" | "error"; objects?: number; message?: string };

export type TCluster = {
  id: string;
  name: string;
  environment: string;
  ownerTeam: string | null;
  server: string;
  isDemo: boolean;
  status: TClusterStatus;
  statusReason: string | null;
  scanIntervalMinutes: number;
  lastScanAt: string | null;
  lastGoodScanAt: string | null;
  serverVersion: string | null;
  coverage: TCoverageEntry[] | null;
  createdAt: string;
};
export type TClusterListItem = TCluster & { findings: TSeverityCounts; objects: number; score: number | null };

export type TScanStatus = "queued" | "running" | "succeeded" | "failed";
export type TScan = {
  id: string;
  status: TScanStatus;
  trigger: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: { phase?: string; resources?: number; resourcesDone?: number; objects?: number; current?: string } | null;
  error: string | null;
  objects: { total: number; added: number; changed: number; removed: number };
  findings: { total: number; new: number; resolved: number; regressed: number };
  createdAt: string;
};
export type TClusterDetail = TCluster & { findings: TSeverityCounts; objects: number; scans: TScan[] };

export type TContextSummary = { name: string; cluster: string; server: string; user: string; auth: string; usable: boolean; problem?: string };
export type TAccessCheck = { resource: string; kind: string; allowed: boolean; message?: string };
export type TConnectionResult =
  | { ok: true; server: string; version: string | null; checks: TAccessCheck[]; readable: number; total: number }
  | { ok: false; server: string; reason: string; message: string };

export type TClusterMeta = { name: string; environment: TEnvironment; ownerTeam?: string; scanIntervalMinutes?: number };
export type TCreateClusters = { kubeconfig: string; contexts: Array<TClusterMeta & { context: string }> } | { manual: TClusterMeta & { server: string; caData?: string; token: string } };
export type TTestConnection = { kubeconfig: string; context: string } | { server: string; caData?: string; token: string };

export const clusterKeys = {
  all: (orgId: string) => ["org", orgId, "clusters"] as const,
  list: (orgId: string) => ["org", orgId, "clusters", "list"] as const,
  detail: (orgId: string, clusterId: string) => ["org", orgId, "clusters", "detail", clusterId] as const,
  readerManifest: (orgId: string, withSecrets: boolean) => ["org", orgId, "clusters", "reader-manifest", withSecrets] as const,
};

const clusterPath = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;

export const fetchClusters = (signal?: AbortSignal) => apiFetch<TClusterListItem[]>("/api/v1/clusters", { signal });
export const fetchCluster = (id: string, signal?: AbortSignal) => apiFetch<TClusterDetail>(clusterPath(id), { signal });
export const inspectKubeconfig = (kubeconfig: string) => apiFetch<{ contexts: TContextSummary[] }>("/api/v1/clusters/kubeconfig", { method: "POST", body: { kubeconfig } });
export const testConnection = (body: TTestConnection) => apiFetch<TConnectionResult>("/api/v1/clusters/test-connection", { method: "POST", body });
export const createClusters = (body: TCreateClusters) => apiFetch<TCluster[]>("/api/v1/clusters", { method: "POST", body });
export const requestScan = (id: string) => apiFetch<TScan>(`${clusterPath(id)}/scans`, { method: "POST" });
export const deleteCluster = (id: string, confirmName: string) => apiFetch<void>(clusterPath(id), { method: "DELETE", body: { confirmName } });

export const readerManifestUrl = (withSecrets: boolean) => `/api/v1/clusters/reader-manifest?secrets=${withSecrets ? 1 : 0}`;

/** The manifest is YAML, not JSON, so it is read as text; errors are still problem+json. */
export const fetchReaderManifest = async (withSecrets: boolean, signal?: AbortSignal) => {
  const res = await fetch(readerManifestUrl(withSecrets), { signal, credentials: "same-origin" });
  if (res.ok) return res.text();
  const data = (await res.json().catch(() => null)) as TProblem | null;
  throw new ProblemError(data?.detail ? data : { title: res.statusText, status: res.status, detail: `Request failed (${res.status})`, code: "unknown" });
};

export const isScanActive = (s: TScan) => s.status === "queued" || s.status === "running";
