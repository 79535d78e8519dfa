import Link from "next/link";
import { SeverityPill } from "@/components/findings/severity-pill";
import type { TSeverity } from "@/lib/client/clusters";
import type { TOverview } from "@/lib/client/overview";

export function OpenIncidents({ incidents }: { incidents: TOverview["incidents"] }) {
  return (
    <div className="card table-card" data-testid="open-incidents">
      <h2>Open incidents <span className="badge">{incidents.count}</span></h2>
      {incidents.items.length ? (
        <table className="compact">
          <thead><tr><th>Incident</th><th>Severity</th><th>Last seen</th></tr></thead>
          <tbody>
            {incidents.items.map((i) => (
              <tr key={i.id}>
                <td><Link href={`/investigations/${i.id}`}>{i.title}</Link><div className="muted small">{i.principal} · {i.cluster} · {i.status}</div></td>
                <td><SeverityPill severity={i.severity as TSeverity} /></td>
                <td className="muted small">{new Date(i.lastSeen).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">No open incidents. Incidents come from audit-log detections once a cluster sends its audit events.</p>}
      {incidents.count > incidents.items.length ? <Link href="/investigations" className="small">All {incidents.count} open incidents</Link> : null}
    </div>
  );
}

const KIND_LABEL = { stale: "not scanned", status: "status", credentials: "credentials" } as const;

export function CoverageProblems({ rows }: { rows: TOverview["coverageProblems"] }) {
  return (
    <div className="card table-card" data-testid="coverage-problems">
      <h2>Coverage problems <span className={`badge ${rows.length ? "badge-warn" : "badge-ok"}`}>{rows.length}</span></h2>
      {rows.length ? (
        <table className="compact">
          <thead><tr><th>Cluster</th><th>Problem</th></tr></thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.clusterId}>
                <td><Link href={`/clusters/${c.clusterId}`} className="strong-link">{c.cluster}</Link></td>
                <td>{c.problems.map((p) => <div key={p.kind}><span className={`badge ${p.kind === "status" ? "badge-warn" : "badge-danger"}`}>{KIND_LABEL[p.kind]}</span> <span className="small">{p.detail}</span></div>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">Every cluster was scanned within twice its interval, with status ok and working credentials.</p>}
    </div>
  );
}
