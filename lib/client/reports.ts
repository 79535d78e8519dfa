import { apiFetch } from "./api-client";
import type { TFrameworkKey } from "./overview";
import type { TScope } from "./compliance";

export type TReportStatus = "queued" | "running" | "succeeded" | "failed";
export type TReportFormat = "pdf" | "csv" | "json" | "sarif";
export type TReport = {
  id: string; kind: "compliance" | "findings"; framework: string | null; format: TReportFormat; scope: Record<string, unknown>; status: TReportStatus;
  progress: { phase: string; percent: number } | null; error: string | null; fileName: string | null; contentType: string | null; sizeBytes: number | null; sha256: string | null;
  requestedBy: { id: string; email: string; name: string | null } | null; scheduleId: string | null; createdAt: string; finishedAt: string | null;
};
export type TSchedule = { id: string; framework: TFrameworkKey; format: "pdf" | "csv" | "json"; scope: TScope; cadence: "weekly" | "monthly"; nextRunAt: string; createdById: string | null; createdAt: string };
export type TRequestReport =
  | { kind: "compliance"; framework: TFrameworkKey; format: "pdf" | "csv" | "json"; scope: TScope }
  | { kind: "findings"; format: "csv" | "json" | "sarif"; filters: { cluster?: string[]; namespace?: string[]; severity?: string[] } };

export const reportKeys = {
  all: (orgId: string) => ["org", orgId, "reports"] as const,
  list: (orgId: string) => ["org", orgId, "reports", "list"] as const,
  schedules: (orgId: string) => ["org", orgId, "reports", "schedules"] as const,
};

export const fetchReports = (signal?: AbortSignal) => apiFetch<TReport[]>("/api/v1/reports", { signal });
export const requestReport = (body: TRequestReport) => apiFetch<TReport>("/api/v1/reports", { method: "POST", body });
export const fetchSchedules = (signal?: AbortSignal) => apiFetch<TSchedule[]>("/api/v1/report-schedules", { signal });
export const createSchedule = (body: Omit<TSchedule, "id" | "nextRunAt" | "createdById" | "createdAt">) => apiFetch<TSchedule>("/api/v1/report-schedules", { method: "POST", body });
export const deleteSchedule = (id: string) => apiFetch<void>(`/api/v1/report-schedules/${encodeURIComponent(id)}`, { method: "DELETE" });
export const reportDownloadUrl = (id: string) => `/api/v1/reports/${encodeURIComponent(id)}/download`;

export const isReportActive = (r: TReport) => r.status === "queued" || r.status === "running";

export const formatBytes = (n: number | null) => (n === null ? "—" : n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
