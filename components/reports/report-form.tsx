"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ScopeFilter } from "@/components/compliance/scope-filter";
import { FRAMEWORK_LABELS } from "@/components/overview/score-card";
import { SEVERITIES } from "@/lib/client/clusters";
import type { TScope, TScopeCluster } from "@/lib/client/compliance";
import type { TFrameworkKey } from "@/lib/client/overview";
import { reportKeys, requestReport, type TRequestReport } from "@/lib/client/reports";

/** Generate a compliance report (framework, format, scope) or export the current findings (CSV, JSON, SARIF). */
export function ReportForm({ orgId, clusters }: { orgId: string; clusters: TScopeCluster[] }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<"compliance" | "findings">("compliance");
  const [framework, setFramework] = useState<TFrameworkKey>("cis");
  const [format, setFormat] = useState("pdf");
  const [scope, setScope] = useState<TScope>({});
  const [severity, setSeverity] = useState<string[]>([]);
  const m = useMutation({ mutationFn: (body: TRequestReport) => requestReport(body), onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all(orgId) }) });
  const formats = kind === "compliance" ? ["pdf", "csv", "json"] : ["csv", "json", "sarif"];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = formats.includes(format) ? format : formats[0];
    m.mutate(kind === "compliance"
      ? { kind, framework, format: f as "pdf", scope }
      : { kind, format: f as "csv", filters: { ...(scope.cluster ? { cluster: [scope.cluster] } : {}), ...(scope.namespace ? { namespace: [scope.namespace] } : {}), ...(severity.length ? { severity } : {}) } });
  };
  return (
    <form className="card" onSubmit={submit} data-testid="report-form">
      <h2>Generate a report</h2>
      <div className="rep-form-grid">
        <label>What<select value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); setFormat(e.target.value === "compliance" ? "pdf" : "csv"); }}>
          <option value="compliance">Compliance report</option><option value="findings">Findings export</option>
        </select></label>
        {kind === "compliance" ? (
          <label>Framework<select value={framework} onChange={(e) => setFramework(e.target.value as TFrameworkKey)}>
            {(Object.keys(FRAMEWORK_LABELS) as TFrameworkKey[]).map((k) => <option key={k} value={k}>{FRAMEWORK_LABELS[k]}</option>)}
          </select></label>
        ) : (
          <fieldset className="scopes"><legend>Severity</legend><div className="row">{SEVERITIES.map((s) => (
            <label key={s} className="check"><input type="checkbox" checked={severity.includes(s)} onChange={(e) => setSeverity(e.target.checked ? [...severity, s] : severity.filter((x) => x !== s))} />{s}</label>
          ))}</div></fieldset>
        )}
        <label>Format<select value={format} onChange={(e) => setFormat(e.target.value)}>{formats.map((f) => <option key={f} value={f}>{f.toUpperCase()}</option>)}</select></label>
      </div>
      <ScopeFilter clusters={clusters} scope={scope} onChange={setScope} />
      <div className="row step-actions">
        <button type="submit" className="btn btn-primary" disabled={m.isPending}>{m.isPending ? "Queuing…" : "Generate report"}</button>
        {m.error ? <span className="text-danger small">{m.error.message}</span> : null}
        {m.isSuccess ? <span className="text-ok small">Queued: it renders in the background and appears below.</span> : null}
      </div>
    </form>
  );
}
