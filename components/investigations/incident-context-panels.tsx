"use client";

import Link from "next/link";
import type { TTouchedResource } from "@/lib/client/incidents";
import { principalHref, resourceHref, type TSeenValue } from "@/lib/client/investigations";
import { SeverityBadge } from "./badges";
import { fmtShort } from "./format";

export function SeenValuesTable({ title, values }: { title: string; values: TSeenValue[] }) {
  return (
    <table className="inv-seen">
      <thead><tr><th>{title}</th><th>Requests</th><th>Last (UTC)</th></tr></thead>
      <tbody>
        {values.map((v) => (
          <tr key={v.value}><td title={v.value}><code>{v.value}</code></td><td>{v.events}</td><td className="muted" style={{ whiteSpace: "nowrap" }} title={`${v.firstSeen} – ${v.lastSeen}`}>{fmtShort(v.lastSeen)}</td></tr>
        ))}
        {!values.length ? <tr><td colSpan={3} className="muted">None recorded.</td></tr> : null}
      </tbody>
    </table>
  );
}

export function PrincipalPanel({ principal, clusterId, sourceIps, userAgents }: { principal: string; clusterId: string; sourceIps: TSeenValue[]; userAgents: TSeenValue[] }) {
  return (
    <div className="card" data-testid="principal-panel">
      <h2>Principal</h2>
      <p><Link href={principalHref(principal, clusterId)}><code>{principal}</code></Link></p>
      <p className="muted">{principal.startsWith("system:serviceaccount:") ? "A service account: activity from outside its pod (new IPs, kubectl) stands out." : "A user: check the source IPs and clients below against where they normally work."}</p>
      <SeenValuesTable title="Source IP" values={sourceIps} />
      <div style={{ height: 12 }} />
      <SeenValuesTable title="User agent" values={userAgents} />
    </div>
  );
}

export function TouchedResources({ clusterId, touched }: { clusterId: string; touched: TTouchedResource[] }) {
  return (
    <div className="card" data-testid="touched-resources">
      <h2>Touched resources</h2>
      <table>
        <thead><tr><th>Object</th><th>How</th><th>Findings</th></tr></thead>
        <tbody>
          {touched.map((t) => (
            <tr key={`${t.namespace}/${t.resource}/${t.name}`}>
              <td>
                <Link href={resourceHref({ cluster: clusterId, namespace: t.namespace, resource: t.resource, name: t.name })}><code>{t.resource}</code></Link>
                <div className="muted inv-truncate" style={{ maxWidth: 200 }}>{[t.namespace, t.name].filter(Boolean).join("/") || "(all)"}</div>
              </td>
              <td>{t.verbs.map((v) => <span key={v} className="inv-chip">{v}</span>)}<div className="muted">{t.events} request{t.events === 1 ? "" : "s"}</div></td>
              <td>
                {t.findings.map((f) => (
                  <div key={f.id}><SeverityBadge severity={f.severity} /> <Link href={`/findings/${f.id}`} data-testid="finding-link">{f.title}</Link></div>
                ))}
                {!t.findings.length ? <span className="muted">—</span> : null}
              </td>
            </tr>
          ))}
          {!touched.length ? <tr><td colSpan={3} className="muted">No objects touched in this window.</td></tr> : null}
        </tbody>
      </table>
    </div>
  );
}
