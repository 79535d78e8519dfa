"use client";

import { useQuery } from "@tanstack/react-query";
import type { TScopeCluster } from "@/lib/client/compliance";
import { fetchReports, formatBytes, isReportActive, reportDownloadUrl, reportKeys, type TReport } from "@/lib/client/reports";

const STATUS_CLASS = { queued: "badge-warn", running: "badge-warn", succeeded: "badge-ok", failed: "badge-danger" } as const;

const describe = (r: TReport, clusterName: (id: string) => string) => {
  const s = r.scope as { cluster?: string | string[]; namespace?: string | string[]; severity?: string[] };
  const cluster = Array.isArray(s.cluster) ? s.cluster.map(clusterName).join(", ") : s.cluster ? clusterName(s.cluster) : "";
  const namespace = Array.isArray(s.namespace) ? s.namespace.join(", ") : s.namespace ?? "";
  const where = [cluster || "whole fleet", namespace && `namespace ${namespace}`].filter(Boolean).join(" · ");
  return r.kind === "findings" ? `Findings export · ${where}${s.severity?.length ? ` · ${s.severity.join(", ")}` : ""}` : `${(r.framework ?? "").toUpperCase()} compliance · ${where}`;
};

/** Reports newest first; polls every second while one is queued or rendering. */
export function ReportList({ orgId, clusters }: { orgId: string; clusters: TScopeCluster[] }) {
  const q = useQuery({ queryKey: reportKeys.list(orgId), queryFn: ({ signal }) => fetchReports(signal), refetchInterval: (query) => (query.state.data?.some(isReportActive) ? 1000 : false) });
  const clusterName = (id: string) => clusters.find((c) => c.id === id)?.name ?? id;
  if (q.error) return <div className="alert alert-error">{q.error.message}</div>;
  const reports = q.data ?? [];
  return (
    <div className="card table-card" data-testid="report-list">
      <h2>Reports</h2>
      {reports.length ? (
        <table className="compact">
          <thead><tr><th>Report</th><th>Status</th><th>Requested</th><th>Size</th><th>SHA-256</th><th /></tr></thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id} data-testid="report-row" data-status={r.status}>
                <td><strong>{describe(r, clusterName)}</strong><div className="muted small mono">{r.fileName ?? r.format.toUpperCase()}</div></td>
                <td className="rep-status">
                  <span className={`badge ${STATUS_CLASS[r.status]}`}>{r.status}</span>
                  {isReportActive(r) && r.progress ? (
                    <div className="rep-progress" data-testid="report-progress"><progress max={100} value={r.progress.percent} aria-label="Progress" /> <span className="small muted">{r.progress.phase} {r.progress.percent}%</span></div>
                  ) : null}
                  {r.error ? <div className="small text-danger">{r.error}</div> : null}
                </td>
                <td className="small">{r.requestedBy?.email ?? "—"}{r.scheduleId ? <div className="muted">scheduled</div> : null}<div className="muted">{new Date(r.createdAt).toLocaleString()}</div></td>
                <td className="small" data-testid="report-size">{formatBytes(r.sizeBytes)}</td>
                <td className="small"><code className="rep-sha" data-testid="report-sha256">{r.sha256 ?? "—"}</code></td>
                <td>{r.status === "succeeded" ? <a className="btn btn-small" href={reportDownloadUrl(r.id)} download={r.fileName ?? undefined}>Download</a> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">No reports yet. Generate one above; it is built in the background and stays downloadable here with its SHA-256 checksum.</p>}
    </div>
  );
}
