"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { incidentExportHref, incidentKeys, INCIDENT_STATUSES, STATUS_LABEL, updateIncident, type TIncidentDetail, type TIncidentStatus, type TUpdateIncident } from "@/lib/client/incidents";
import { SeverityBadge, StatusBadge } from "./badges";
import { CloseFalsePositiveDialog } from "./close-false-positive-dialog";
import { fmtTime } from "./format";

/** Title, severity, status and assignee; analysts change them here, and everyone can export the events. */
export function IncidentHeader({ orgId, incident, canWrite }: { orgId: string; incident: TIncidentDetail; canWrite: boolean }) {
  const qc = useQueryClient();
  const [isClosing, setClosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (u: TUpdateIncident) => updateIncident(incident.id, u),
    onSuccess: (res) => {
      setClosing(false);
      const listed = res.allowListed;
      setNotice(listed ? `Closed as false positive; ${listed} allow-list entr${listed === 1 ? "y" : "ies"} added.` : null);
      return qc.invalidateQueries({ queryKey: incidentKeys.all(orgId) });
    },
  });
  const onStatus = (s: TIncidentStatus) => (s === "closed_false_positive" ? setClosing(true) : update.mutate({ status: s }));
  return (
    <div className="card">
      <div className="page-header" style={{ marginBottom: 8 }}>
        <div>
          <h1>{incident.title}</h1>
          <div className="inv-meta">
            <SeverityBadge severity={incident.severity} /> <StatusBadge status={incident.status} />
            <span>Cluster <strong>{incident.cluster.name}</strong></span>
            <span>From <strong>{fmtTime(incident.firstSeen)}</strong> to <strong>{fmtTime(incident.lastSeen)}</strong></span>
            <span>{incident.detections} detection{incident.detections === 1 ? "" : "s"}</span>
          </div>
        </div>
        <div className="row">
          <a className="btn" href={incidentExportHref(incident.id, "jsonl")} download>Export JSONL</a>
          <a className="btn" href={incidentExportHref(incident.id, "csv")} download>Export CSV</a>
        </div>
      </div>
      {canWrite ? (
        <div className="inv-controls">
          <div><label htmlFor="inc-status">Status</label>
            <select id="inc-status" value={incident.status} disabled={update.isPending} onChange={(e) => onStatus(e.target.value as TIncidentStatus)}>
              {INCIDENT_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
            </select></div>
          <div><label htmlFor="inc-assignee">Assignee</label>
            <select id="inc-assignee" value={incident.assignee?.id ?? ""} disabled={update.isPending} onChange={(e) => update.mutate({ assigneeId: e.target.value || null })}>
              <option value="">Unassigned</option>
              {incident.assignees.map((p) => <option key={p.id} value={p.id}>{p.name ? `${p.name} (${p.email})` : p.email}</option>)}
            </select></div>
          {!incident.status.startsWith("closed_") ? <button className="btn" type="button" onClick={() => setClosing(true)}>Close as false positive…</button> : null}
        </div>
      ) : (
        <p className="muted">Assignee: {incident.assignee ? (incident.assignee.name ?? incident.assignee.email) : "unassigned"}{incident.closeReason ? ` · ${incident.closeReason}` : ""}</p>
      )}
      {canWrite && incident.closeReason ? <p className="muted" style={{ marginTop: 8 }}>Close reason: {incident.closeReason}</p> : null}
      {update.error ? <div className="alert alert-error" role="alert">{update.error.message}</div> : null}
      {notice ? <div className="alert alert-ok" role="status" data-testid="incident-notice">{notice}</div> : null}
      <CloseFalsePositiveDialog open={isClosing} principal={incident.principal} clusterName={incident.cluster.name} isPending={update.isPending} onCancel={() => setClosing(false)} onSubmit={(u) => update.mutate(u)} />
    </div>
  );
}
