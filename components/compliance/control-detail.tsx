"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SeverityPill } from "@/components/findings/severity-pill";
import type { TSeverity } from "@/lib/client/clusters";
import { complianceKeys, fetchControl, type TScope } from "@/lib/client/compliance";
import { ControlStatusBadge } from "./status-badge";

/** A control's status and why, the rules behind it with their fix, and each failing resource with its findings. */
export function ControlDetail({ orgId, framework, controlId, scope }: { orgId: string; framework: string; controlId: string; scope: TScope }) {
  const q = useQuery({ queryKey: complianceKeys.control(orgId, framework, controlId, scope), queryFn: ({ signal }) => fetchControl(framework, controlId, scope, signal) });
  if (q.error) return <div className="alert alert-error">{q.error.message}</div>;
  if (!q.data) return <p className="muted">Loading…</p>;
  const { control: c, rules, resources, truncated } = q.data;
  return (
    <>
      <div className="card" data-testid="control-summary">
        <div className="row"><ControlStatusBadge status={c.status} /><span className="muted small">Section {c.section}{c.level ? ` · level ${c.level}${c.levelVerified ? "" : " (unverified)"}` : ""} · assessable: {c.assessable}</span></div>
        {c.reason ? <p className="status-line">{c.reason}</p> : null}
        <p className="small"><strong>{c.findings}</strong> open findings on <strong>{c.failingResources}</strong> failing resources, from {c.rules.length} mapped rule(s){c.detections.length ? ` and ${c.detections.length} detection(s)` : ""}.</p>
        {c.notes ? <p className="muted small pre-line">{c.notes}</p> : null}
        {c.assessedBy ? <p className="muted small">Assessed by: {c.assessedBy}</p> : null}
      </div>
      {rules.length ? (
        <div className="card table-card">
          <h2>Rules mapped to this control</h2>
          <table className="compact">
            <thead><tr><th>Rule</th><th>Severity</th><th>Remediation</th></tr></thead>
            <tbody>{rules.map((r) => <tr key={r.id}><td><span className="mono">{r.id}</span> {r.title}</td><td><SeverityPill severity={r.severity as TSeverity} /></td><td className="small">{r.remediation}</td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
      <div className="card table-card" data-testid="failing-resources">
        <h2>Failing resources ({resources.length}{truncated ? "+, first 1,000 findings" : ""})</h2>
        {resources.length ? (
          <table className="compact">
            <thead><tr><th>Resource</th><th>Findings</th></tr></thead>
            <tbody>
              {resources.map((r) => (
                <tr key={`${r.clusterId}/${r.namespace}/${r.kind}/${r.name}`} data-testid="failing-resource">
                  <td><strong>{r.kind}</strong> {r.namespace ? `${r.namespace}/` : ""}{r.name}<div className="muted small">{r.cluster} · {r.apiVersion}</div></td>
                  <td>
                    {r.findings.map((f) => (
                      <div key={f.id} className="cmp-finding">
                        <SeverityPill severity={f.severity as TSeverity} /> <Link href={`/findings/${f.id}`}>{f.title}</Link> <span className="muted small mono">{f.ruleId}</span>
                        <div className="small muted clamp-2">{f.message}</div>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p className="muted">No resource fails this control in this scope.</p>}
      </div>
    </>
  );
}
