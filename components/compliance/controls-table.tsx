"use client";

import Link from "next/link";
import { useState } from "react";
import { compliancePath, CONTROL_STATUSES, type TControl, type TControlStatus, type TScope } from "@/lib/client/compliance";
import { ControlStatusBadge, STATUS_LABEL } from "./status-badge";

/** Every control, grouped by section, with a status filter whose buttons show how many controls each status has. */
export function ControlsTable({ framework, controls, scope }: { framework: string; controls: TControl[]; scope: TScope }) {
  const [shown, setShown] = useState<TControlStatus | "all">("all");
  const count = (s: TControlStatus) => controls.filter((c) => c.status === s).length;
  const rows = shown === "all" ? controls : controls.filter((c) => c.status === shown);
  const sections = [...new Set(rows.map((c) => c.section))];
  return (
    <div className="card table-card">
      <div className="segmented cmp-status-filter" role="group" aria-label="Status">
        <button type="button" aria-pressed={shown === "all"} onClick={() => setShown("all")}>All {controls.length}</button>
        {CONTROL_STATUSES.map((s) => <button key={s} type="button" aria-pressed={shown === s} onClick={() => setShown(s)}>{STATUS_LABEL[s]} {count(s)}</button>)}
      </div>
      <table className="compact" data-testid="controls-table">
        <thead><tr><th>Control</th><th>Status</th><th title="Open findings of the mapped rules / resources failing / rules mapped">Evidence</th></tr></thead>
        {sections.map((section) => (
          <tbody key={section}>
            <tr className="cmp-section"><td colSpan={3}>Section {section}</td></tr>
            {rows.filter((c) => c.section === section).map((c) => (
              <tr key={c.id} data-testid="control-row" data-status={c.status}>
                <td className="cmp-control-cell">
                  <Link href={compliancePath(framework, scope, c.id)} className="strong-link mono">{c.id}</Link> {c.title}
                  {c.level ? <span className="muted small"> · L{c.level}{c.levelVerified ? "" : "?"}</span> : null}
                </td>
                <td><ControlStatusBadge status={c.status} />{c.reason ? <div className="muted small reason">{c.reason}</div> : null}</td>
                <td className="small cmp-evidence">
                  <span><strong>{c.findings}</strong> findings</span> · <span><strong>{c.failingResources}</strong> failing resources</span> · <span className="muted">{c.rules.length} rules{c.detections.length ? `, ${c.detections.length} detections` : ""}</span>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
