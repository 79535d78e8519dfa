"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { fetchIncidents, incidentKeys, INCIDENT_STATUSES, STATUS_LABEL, type TIncidentFilters, type TIncidentPage } from "@/lib/client/incidents";
import { principalHref } from "@/lib/client/investigations";
import { SeverityBadge, StatusBadge } from "./badges";
import { fmtTime } from "./format";

const SEVERITIES = ["critical", "high", "medium", "low", "info"];
const SINCE = [
  { id: "", label: "Any time" },
  { id: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { id: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { id: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
];
const PAGE_SIZE = 25;

export function IncidentList({ orgId, clusters, initial }: { orgId: string; clusters: Array<{ id: string; name: string }>; initial: TIncidentPage }) {
  const [filters, setFilters] = useState<TIncidentFilters>({ page: 1, pageSize: PAGE_SIZE });
  const [since, setSince] = useState("");
  const isInitial = Object.keys(filters).length === 2 && filters.page === 1;
  const q = useQuery({
    queryKey: incidentKeys.list(orgId, filters),
    queryFn: ({ signal }) => fetchIncidents(filters, signal),
    initialData: isInitial ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<TIncidentFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  const onSince = (id: string) => {
    setSince(id);
    const ms = SINCE.find((s) => s.id === id)?.ms;
    set({ from: ms ? new Date(Date.now() - ms).toISOString() : undefined });
  };
  const data = q.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <div className="card inv-filters" role="search">
        <div><label htmlFor="f-status">Status</label>
          <select id="f-status" value={filters.status ?? ""} onChange={(e) => set({ status: e.target.value || undefined })}>
            <option value="">Any status</option>
            <option value="open,investigating">Open or investigating</option>
            {INCIDENT_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
          </select></div>
        <div><label htmlFor="f-severity">Severity</label>
          <select id="f-severity" value={filters.severity ?? ""} onChange={(e) => set({ severity: e.target.value || undefined })}>
            <option value="">Any severity</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select></div>
        <div><label htmlFor="f-cluster">Cluster</label>
          <select id="f-cluster" value={filters.cluster ?? ""} onChange={(e) => set({ cluster: e.target.value || undefined })}>
            <option value="">All clusters</option>
            {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select></div>
        <div style={{ gridColumn: "span 2" }}><label htmlFor="f-principal">Principal contains</label>
          <input id="f-principal" type="search" placeholder="user or system:serviceaccount:ns:name" value={filters.principal ?? ""} onChange={(e) => set({ principal: e.target.value || undefined })} /></div>
        <div><label htmlFor="f-since">Active</label>
          <select id="f-since" value={since} onChange={(e) => onSince(e.target.value)}>
            {SINCE.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </select></div>
      </div>
      {q.error ? <div className="alert alert-error" role="alert">{q.error.message}</div> : null}
      <div className="card">
        <table>
          <thead><tr><th>Severity</th><th>Incident</th><th>Principal</th><th>Cluster</th><th>Status</th><th>Assignee</th><th>Last activity</th></tr></thead>
          <tbody>
            {data?.items.map((i) => (
              <tr key={i.id} data-testid="incident-row">
                <td><SeverityBadge severity={i.severity} /></td>
                <td><Link href={`/investigations/${i.id}`}>{i.title}</Link><div className="muted">{i.detections} detection{i.detections === 1 ? "" : "s"}</div></td>
                <td className="inv-truncate"><Link href={principalHref(i.principal, i.cluster.id)} title={i.principal}><code>{i.principal}</code></Link></td>
                <td>{i.cluster.name}</td>
                <td><StatusBadge status={i.status} /></td>
                <td className="muted">{i.assignee ? (i.assignee.name ?? i.assignee.email) : "—"}</td>
                <td className="muted">{fmtTime(i.lastSeen)}</td>
              </tr>
            ))}
            {data && !data.items.length ? <tr><td colSpan={7} className="muted">No incidents match these filters.</td></tr> : null}
          </tbody>
        </table>
        <div className="row" style={{ justifyContent: "space-between", marginTop: 12 }}>
          <span className="muted">{data ? `${data.total} incident${data.total === 1 ? "" : "s"}` : "Loading…"}</span>
          <div className="row">
            <button className="btn" type="button" disabled={(filters.page ?? 1) <= 1} onClick={() => set({ page: (filters.page ?? 1) - 1 })}>Previous</button>
            <span className="muted">Page {filters.page} of {pages}</span>
            <button className="btn" type="button" disabled={(filters.page ?? 1) >= pages} onClick={() => set({ page: (filters.page ?? 1) + 1 })}>Next</button>
          </div>
        </div>
      </div>
    </>
  );
}
