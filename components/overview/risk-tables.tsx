import Link from "next/link";
import { SeverityCounts, SeverityPill } from "@/components/findings/severity-pill";
import type { TSeverity } from "@/lib/client/clusters";
import type { TOverview } from "@/lib/client/overview";

const findingsHref = (params: Record<string, string>) => `/findings?${new URLSearchParams(params)}`;

export function RiskiestClusters({ rows }: { rows: TOverview["riskiestClusters"] }) {
  return (
    <div className="card table-card" data-testid="riskiest-clusters">
      <h2>Riskiest clusters</h2>
      <table className="compact">
        <thead><tr><th>Cluster</th><th>Open findings</th><th title="100 × (1 − weighted open findings / (weighted findings + objects)); weights critical 10, high 5, medium 2, low 0.5">Posture (0–100)</th></tr></thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td><Link href={`/clusters/${c.id}`} className="strong-link">{c.name}</Link> <span className="muted small">{c.environment}</span></td>
              <td><SeverityCounts counts={c.findings} hrefFor={(s) => findingsHref({ cluster: c.id, severity: s })} /></td>
              <td>{c.score ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RiskiestNamespaces({ rows }: { rows: TOverview["riskiestNamespaces"] }) {
  return (
    <div className="card table-card" data-testid="riskiest-namespaces">
      <h2>Riskiest namespaces</h2>
      {rows.length ? (
        <table className="compact">
          <thead><tr><th>Namespace</th><th>Open findings</th></tr></thead>
          <tbody>
            {rows.map((n) => (
              <tr key={`${n.clusterId}/${n.namespace}`}>
                <td><Link href={findingsHref({ cluster: n.clusterId, ...(n.namespace ? { namespace: n.namespace } : {}) })}>{n.namespace || "(cluster-scoped)"}</Link> <span className="muted small">{n.cluster}</span></td>
                <td><SeverityCounts counts={n.findings} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">No open findings.</p>}
    </div>
  );
}

export function TopRules({ rows }: { rows: TOverview["topRules"] }) {
  return (
    <div className="card table-card" data-testid="top-rules">
      <h2>Top rules</h2>
      {rows.length ? (
        <table className="compact">
          <thead><tr><th>Rule</th><th>Severity</th><th>Open</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.ruleId}>
                <td><Link href={findingsHref({ rule: r.ruleId })}>{r.title}</Link> <span className="muted small mono">{r.ruleId}</span></td>
                <td><SeverityPill severity={r.severity as TSeverity} /></td>
                <td><strong>{r.open}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">No open findings.</p>}
    </div>
  );
}
