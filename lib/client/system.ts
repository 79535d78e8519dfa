import { apiFetch } from "./api-client";

export type TWorker = { id: string; hostname: string; pid: number; version: string; startedAt: string; seenAt: string; alive: boolean };
export type TSystemHealth = { workers: TWorker[]; queue: { pending: number; running: number; failed: number; scheduledLater: number } | null; checkedAt: string };
export type TAuditEntry = { id: string; action: string; actorEmail: string | null; targetType: string | null; targetId: string | null; before: unknown; after: unknown; ip: string | null; createdAt: string };

export const systemKeys = {
  health: (orgId: string) => ["org", orgId, "system", "health"] as const,
  auditLog: (orgId: string) => ["org", orgId, "audit-log"] as const,
};

export const fetchSystemHealth = (signal?: AbortSignal) => apiFetch<TSystemHealth>("/api/v1/system/health", { signal });
export const fetchAuditLog = (signal?: AbortSignal) => apiFetch<TAuditEntry[]>("/api/v1/audit-log?limit=100", { signal });
