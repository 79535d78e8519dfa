import "server-only";
/** Every column but the content: lists and status polls never load the file itself. */
export const REPORT_SELECT = {
  id: true, orgId: true, kind: true, framework: true, format: true, scope: true, status: true, progress: true, error: true, fileName: true,
  contentType: true, sizeBytes: true, sha256: true, requestedById: true, scheduleId: true, createdAt: true, finishedAt: true,
} as const;

type ReportRow = {
  id: string; kind: string; framework: string | null; format: string; scope: unknown; status: string; progress: unknown; error: string | null; fileName: string | null;
  contentType: string | null; sizeBytes: number | null; sha256: string | null; requestedById: string | null; scheduleId: string | null; createdAt: Date; finishedAt: Date | null;
};
type Requester = { id: string; email: string; name: string | null };

export const serializeReport = (r: ReportRow, requester: Requester | undefined) => ({
  id: r.id,
  kind: r.kind as "compliance" | "findings",
  framework: r.framework,
  format: r.format,
  scope: (r.scope ?? {}) as Record<string, unknown>,
  status: r.status as "queued" | "running" | "succeeded" | "failed",
  progress: (r.progress as { phase: string; percent: number } | null) ?? null,
  error: r.error,
  fileName: r.fileName,
  contentType: r.contentType,
  sizeBytes: r.sizeBytes,
  sha256: r.sha256,
  requestedBy: requester ? { id: requester.id, email: requester.email, name: requester.name } : null,
  scheduleId: r.scheduleId,
  createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});
export type TReportDto = ReturnType<typeof serializeReport>;

export const serializeSchedule = (s: { id: string; framework: string; format: string; scope: unknown; cadence: string; nextRunAt: Date; createdById: string | null; createdAt: Date }) => ({
  id: s.id,
  framework: s.framework,
  format: s.format,
  scope: (s.scope ?? {}) as { cluster?: string; namespace?: string },
  cadence: s.cadence as "weekly" | "monthly",
  nextRunAt: s.nextRunAt.toISOString(),
  createdById: s.createdById,
  createdAt: s.createdAt.toISOString(),
});
