import "server-only";

type ClusterRow = { id: string; name: string; status: string; statusReason: string | null; scanIntervalMinutes: number; lastScanAt: Date | null; lastGoodScanAt: Date | null; createdAt: Date };
export type TCoverageProblem = { kind: "stale" | "status" | "credentials"; detail: string };

const CREDENTIAL_STATUSES = new Set(["unauthorized", "tls_error"]);

/**
 * What keeps Tower from seeing a cluster: no good scan within twice its interval, a status other than ok, and
 * credentials the API server refuses (unauthorized) or cannot be verified (TLS).
 */
export const coverageProblems = (clusters: readonly ClusterRow[], now: Date) =>
  clusters
    .map((c) => {
      const problems: TCoverageProblem[] = [];
      const limit = 2 * c.scanIntervalMinutes * 60_000;
      const since = c.lastGoodScanAt ?? c.createdAt;
      if (now.getTime() - since.getTime() > limit) {
        problems.push({ kind: "stale", detail: c.lastGoodScanAt ? `last good scan ${Math.round((now.getTime() - c.lastGoodScanAt.getTime()) / 60_000)} min ago (interval ${c.scanIntervalMinutes} min)` : `never scanned successfully (interval ${c.scanIntervalMinutes} min)` });
      }
      if (CREDENTIAL_STATUSES.has(c.status)) problems.push({ kind: "credentials", detail: `${c.status === "tls_error" ? "TLS verification fails" : "credentials refused"}${c.statusReason ? `: ${c.statusReason}` : ""}` });
      else if (c.status !== "ok") problems.push({ kind: "status", detail: `${c.status}${c.statusReason ? `: ${c.statusReason}` : ""}` });
      return { clusterId: c.id, cluster: c.name, status: c.status, lastGoodScanAt: c.lastGoodScanAt?.toISOString() ?? null, problems };
    })
    .filter((c) => c.problems.length);
