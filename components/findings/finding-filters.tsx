"use client";

import { useEffect, useState } from "react";
import { SEVERITIES } from "@/lib/client/clusters";
import { FINDING_STATUSES, type TFindingStatus, type TFindingView } from "@/lib/client/findings";

type Props = { view: TFindingView; onChange: (patch: Partial<TFindingView>) => void; clusters: Array<{ id: string; name: string }>; onReset: () => void };

const TEXT_FIELDS = [
  { key: "namespace", label: "Namespace", placeholder: "shop, data" },
  { key: "rule", label: "Rule", placeholder: "privileged-container" },
  { key: "theme", label: "Theme", placeholder: "pod-hardening" },
] as const;

const listOf = (s: string) => s.split(",").map((v) => v.trim()).filter(Boolean);

/** Filters of the explorer; lists take comma-separated values, text fields apply on Enter or when leaving them. */
export function FindingFilters({ view, onChange, clusters, onReset }: Props) {
  const [text, setText] = useState({ q: view.q, namespace: view.namespace.join(", "), rule: view.rule.join(", "), theme: view.theme.join(", ") });
  const [ns, rule, theme] = [view.namespace.join(", "), view.rule.join(", "), view.theme.join(", ")];
  useEffect(() => setText({ q: view.q, namespace: ns, rule, theme }), [view.q, ns, rule, theme]);
  const applyText = () => {
    const patch = { q: text.q.trim(), namespace: listOf(text.namespace), rule: listOf(text.rule), theme: listOf(text.theme) };
    const same = patch.q === view.q && (["namespace", "rule", "theme"] as const).every((k) => patch[k].join(",") === view[k].join(","));
    if (!same) onChange(patch);
  };
  const toggleSeverity = (s: (typeof SEVERITIES)[number]) => onChange({ severity: view.severity.includes(s) ? view.severity.filter((x) => x !== s) : [...view.severity, s] });
  return (
    <form className="card filters" onSubmit={(e) => { e.preventDefault(); applyText(); }} data-testid="finding-filters">
      <div className="filter-row">
        <div className="sev-toggles" role="group" aria-label="Severity">
          {SEVERITIES.map((s) => (
            <button key={s} type="button" className={`sev-toggle sev-${s}`} aria-pressed={view.severity.includes(s)} onClick={() => toggleSeverity(s)}>{s}</button>
          ))}
        </div>
        <input className="search" type="search" aria-label="Search findings" placeholder="Search resource name or rule…" value={text.q} onChange={(e) => setText({ ...text, q: e.target.value })} onBlur={applyText} />
      </div>
      <div className="filter-grid">
        <div>
          <label htmlFor="f-cluster">Cluster</label>
          <select id="f-cluster" value={view.cluster.length > 1 ? "__many" : view.cluster[0] ?? ""} onChange={(e) => onChange({ cluster: e.target.value ? [e.target.value] : [] })}>
            <option value="">All clusters</option>
            {view.cluster.length > 1 ? <option value="__many" disabled>{view.cluster.length} clusters</option> : null}
            {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        {TEXT_FIELDS.map((f) => (
          <div key={f.key}>
            <label htmlFor={`f-${f.key}`}>{f.label}</label>
            <input id={`f-${f.key}`} placeholder={f.placeholder} value={text[f.key]} onChange={(e) => setText({ ...text, [f.key]: e.target.value })} onBlur={applyText} />
          </div>
        ))}
        <div>
          <label htmlFor="f-status">Status</label>
          <select id="f-status" value={view.status.length === 1 ? view.status[0] : view.status.length ? "__many" : ""} onChange={(e) => onChange({ status: e.target.value ? [e.target.value as TFindingStatus] : [] })}>
            <option value="">Not resolved</option>
            {view.status.length > 1 ? <option value="__many" disabled>{view.status.join(", ")}</option> : null}
            {FINDING_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-first-seen">First seen after</label>
          <input id="f-first-seen" type="date" value={view.firstSeenAfter.slice(0, 10)} onChange={(e) => onChange({ firstSeenAfter: e.target.value })} />
        </div>
      </div>
      <div className="row filter-foot">
        <label className="check">
          <input type="checkbox" checked={view.suppressed !== "hide"} onChange={(e) => onChange({ suppressed: e.target.checked ? "include" : "hide" })} />
          <span>Show suppressed</span>
        </label>
        <button type="submit" className="btn">Apply</button>
        <button type="button" className="btn" onClick={onReset}>Clear filters</button>
      </div>
    </form>
  );
}
