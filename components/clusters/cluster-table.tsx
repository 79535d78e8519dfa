"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { clusterKeys, fetchClusters, type TClusterListItem } from "@/lib/client/clusters";
import { SeverityCounts } from "@/components/findings/severity-pill";
import { RelativeTime } from "./relative-time";
import { ClusterStatusBadge } from "./status-badge";

const coverageOf = (c: TClusterListItem) => {
  if (!c.coverage?.length) return null;
  return { readable: c.coverage.filter((e) => e.status === "ok").length, total: c.coverage.length };
};

const scoreTone = (score: number) => (score >= 80 ? "score-good" : score >= 50 ? "score-fair" : "score-poor");

export function ClusterTable({ orgId }: { orgId: string }) {
  const clusters = useQuery({ queryKey: clusterKeys.list(orgId), queryFn: ({ signal }) => fetchClusters(signal), refetchInterval: 15_000 });
  if (clusters.error) return <div className="alert alert-error" role="alert">{clusters.error.message}</div>;
  return (
    <div className="card table-card">
      <table data-testid="cluster-table">
        <thead>
          <tr><th>Cluster</th><th>Status</th><th>Environment</th><th>Last scan</th><th>Open findings</th><th>Coverage</th><th>Score</th></tr>
        </thead>
        <tbody>
          {clusters.data?.map((c) => {
            const coverage = coverageOf(c);
            return (
              <tr key={c.id} data-testid="cluster-row">
                <td>
                  <Link href={`/clusters/${c.id}`} className="strong-link">{c.name}</Link>
                  <div className="muted small mono">{c.server}</div>
                </td>
                <td>
                  <ClusterStatusBadge status={c.status} reason={c.statusReason} />
                  {c.statusReason ? <div className="muted small reason">{c.statusReason}</div> : null}
                </td>
                <td><span className="badge">{c.environment}</span>{c.ownerTeam ? <div className="muted small">{c.ownerTeam}</div> : null}</td>
                <td><RelativeTime iso={c.lastScanAt} /></td>
                <td><SeverityCounts counts={c.findings} hrefFor={(s) => `/findings?cluster=${c.id}&severity=${s}`} /></td>
                <td>{coverage ? <span title="resource types readable / needed">{coverage.readable}/{coverage.total}</span> : <span className="muted">—</span>}</td>
                <td>{c.score === null ? <span className="muted">—</span> : <span className={`score ${scoreTone(c.score)}`}>{c.score}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
