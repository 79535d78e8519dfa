"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { SeverityCounts } from "@/components/findings/severity-pill";
import { PageHeader } from "@/components/ui/page-header";
import { clusterKeys, fetchCluster, isScanActive, requestScan } from "@/lib/client/clusters";
import { findingKeys } from "@/lib/client/findings";
import { CoverageGaps } from "./coverage-gaps";
import { RecentScans } from "./recent-scans";
import { RelativeTime } from "./relative-time";
import { RemoveCluster } from "./remove-cluster";
import { ScanProgress } from "./scan-progress";
import { ClusterStatusBadge } from "./status-badge";

export function ClusterDetail({ orgId, clusterId, canWrite }: { orgId: string; clusterId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const cluster = useQuery({
    queryKey: clusterKeys.detail(orgId, clusterId),
    queryFn: ({ signal }) => fetchCluster(clusterId, signal),
    refetchInterval: (q) => (q.state.data?.scans.some(isScanActive) ? 1000 : 30_000),
  });
  const scanNow = useMutation({ mutationFn: () => requestScan(clusterId), onSuccess: () => qc.invalidateQueries({ queryKey: clusterKeys.detail(orgId, clusterId) }) });
  const active = cluster.data?.scans.find(isScanActive);
  const wasActive = useRef(!!active);
  useEffect(() => {
    // A finished scan changes counts everywhere. The detail is refetched once more too: the cluster row and its
    // scans are read separately, so the poll that saw the scan finish may hold the cluster from just before.
    if (wasActive.current && !active) void Promise.all([qc.invalidateQueries({ queryKey: clusterKeys.all(orgId) }), qc.invalidateQueries({ queryKey: findingKeys.all(orgId) })]);
    wasActive.current = !!active;
  }, [active, orgId, qc]);
  if (cluster.error) return <div className="alert alert-error" role="alert">{cluster.error.message}</div>;
  const c = cluster.data;
  if (!c) return <p className="muted">Loading…</p>;
  const actions = (
    <>
      <Link className="btn" href={`/findings?cluster=${c.id}`}>Findings</Link>
      {canWrite ? <button className="btn btn-primary" type="button" disabled={!!active || scanNow.isPending} onClick={() => scanNow.mutate()}>{active ? "Scanning…" : "Scan now"}</button> : null}
    </>
  );
  return (
    <>
      <PageHeader title={c.name} description={`${c.environment}${c.ownerTeam ? ` · ${c.ownerTeam}` : ""} · ${c.server}`} actions={actions} />
      {scanNow.error ? <div className="alert alert-error" role="alert">{scanNow.error.message}</div> : null}
      <div className="grid">
        <div className="card">
          <div className="muted">Status</div>
          <div className="status-line"><ClusterStatusBadge status={c.status} reason={c.statusReason} /></div>
          {c.statusReason ? <p className="small reason" data-testid="status-reason">{c.statusReason}</p> : null}
          <div className="muted small">Last good scan: <RelativeTime iso={c.lastGoodScanAt} /></div>
          <div className="muted small">Scans every {c.scanIntervalMinutes} min</div>
        </div>
        <div className="card">
          <div className="muted">Kubernetes</div>
          <div className="stat" data-testid="cluster-version">{c.serverVersion ?? "—"}</div>
          <div className="muted small">{c.objects} objects in inventory</div>
        </div>
        <div className="card">
          <div className="muted">Open findings</div>
          <div className="sev-block"><SeverityCounts counts={c.findings} showZero hrefFor={(s) => `/findings?cluster=${c.id}&severity=${s}`} /></div>
          <Link className="small" href={`/findings?cluster=${c.id}`}>Open all in the explorer</Link>
        </div>
      </div>
      {active ? <ScanProgress scan={active} /> : null}
      <RecentScans scans={c.scans} />
      <CoverageGaps coverage={c.coverage} />
      {canWrite ? <RemoveCluster orgId={orgId} clusterId={c.id} name={c.name} /> : null}
    </>
  );
}
