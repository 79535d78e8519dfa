"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ScopeFilter } from "@/components/compliance/scope-filter";
import { FRAMEWORK_LABELS } from "@/components/overview/score-card";
import type { TScope, TScopeCluster } from "@/lib/client/compliance";
import type { TFrameworkKey } from "@/lib/client/overview";
import { createSchedule, deleteSchedule, fetchSchedules, reportKeys, type TSchedule } from "@/lib/client/reports";

/** Weekly (Monday 06:00 UTC) or monthly (the 1st, 06:00 UTC) compliance reports; they appear in the list when they run. */
export function ScheduleList({ orgId, clusters, canWrite }: { orgId: string; clusters: TScopeCluster[]; canWrite: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: reportKeys.schedules(orgId), queryFn: ({ signal }) => fetchSchedules(signal) });
  const [draft, setDraft] = useState<{ framework: TFrameworkKey; format: TSchedule["format"]; cadence: TSchedule["cadence"]; scope: TScope }>({ framework: "cis", format: "pdf", cadence: "weekly", scope: {} });
  const done = () => qc.invalidateQueries({ queryKey: reportKeys.schedules(orgId) });
  const create = useMutation({ mutationFn: () => createSchedule(draft), onSuccess: done });
  const remove = useMutation({ mutationFn: (id: string) => deleteSchedule(id), onSuccess: done });
  const clusterName = (id?: string) => (id ? clusters.find((c) => c.id === id)?.name ?? id : "whole fleet");
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate(); };
  return (
    <div className="card table-card" data-testid="schedules">
      <h2>Scheduled reports</h2>
      {q.data?.length ? (
        <table className="compact">
          <thead><tr><th>Report</th><th>Cadence</th><th>Next run</th><th /></tr></thead>
          <tbody>
            {q.data.map((s) => (
              <tr key={s.id} data-testid="schedule-row">
                <td>{FRAMEWORK_LABELS[s.framework]} · {s.format.toUpperCase()} · {clusterName(s.scope.cluster)}{s.scope.namespace ? ` · namespace ${s.scope.namespace}` : ""}</td>
                <td>{s.cadence}</td>
                <td className="small">{new Date(s.nextRunAt).toLocaleString()}</td>
                <td>{canWrite ? <button type="button" className="btn btn-small btn-danger" onClick={() => remove.mutate(s.id)} disabled={remove.isPending}>Delete</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">No scheduled reports.</p>}
      {canWrite ? (
        <form onSubmit={submit} className="rep-schedule-form" data-testid="schedule-form">
          <div className="rep-form-grid">
            <label>Framework<select value={draft.framework} onChange={(e) => setDraft({ ...draft, framework: e.target.value as TFrameworkKey })}>{(Object.keys(FRAMEWORK_LABELS) as TFrameworkKey[]).map((k) => <option key={k} value={k}>{FRAMEWORK_LABELS[k]}</option>)}</select></label>
            <label>Format<select value={draft.format} onChange={(e) => setDraft({ ...draft, format: e.target.value as TSchedule["format"] })}><option value="pdf">PDF</option><option value="csv">CSV</option><option value="json">JSON</option></select></label>
            <label>Cadence<select value={draft.cadence} onChange={(e) => setDraft({ ...draft, cadence: e.target.value as TSchedule["cadence"] })}><option value="weekly">Weekly (Monday 06:00 UTC)</option><option value="monthly">Monthly (1st, 06:00 UTC)</option></select></label>
          </div>
          <ScopeFilter clusters={clusters} scope={draft.scope} onChange={(scope) => setDraft({ ...draft, scope })} />
          <div className="row step-actions">
            <button type="submit" className="btn" disabled={create.isPending}>Add schedule</button>
            {create.error || remove.error ? <span className="text-danger small">{(create.error ?? remove.error)!.message}</span> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
