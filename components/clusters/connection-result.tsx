import type { TConnectionResult } from "@/lib/client/clusters";

/** What a scan with these credentials will see: version, reachability and each resource type's access. */
export function ConnectionResult({ result }: { result: TConnectionResult }) {
  if (!result.ok) {
    return (
      <div className="alert alert-error" role="alert" data-testid="connection-failed">
        <strong>Cannot connect ({result.reason}).</strong> {result.message}
        {result.server ? <div className="small mono">{result.server}</div> : null}
      </div>
    );
  }
  const forbidden = result.checks.filter((c) => !c.allowed);
  return (
    <div className="connection-result" data-testid="connection-result">
      <div className="alert alert-ok">
        Reachable: Kubernetes <strong data-testid="server-version">{result.version ?? "version hidden"}</strong> at <span className="mono">{result.server}</span>.{" "}
        <strong data-testid="coverage-summary">{result.readable} of {result.total}</strong> resource types readable.
        {forbidden.length ? ` Rules that need the ${forbidden.length} other type(s) will not see them.` : " Every rule will have what it needs."}
      </div>
      <h3>Coverage by resource type</h3>
      <div className="coverage-scroll">
        <table className="compact" data-testid="coverage-table">
          <thead><tr><th>Resource</th><th>Kind</th><th>Access</th></tr></thead>
          <tbody>
            {[...forbidden, ...result.checks.filter((c) => c.allowed)].map((c) => (
              <tr key={c.resource}>
                <td className="mono">{c.resource}</td>
                <td>{c.kind}</td>
                <td>{c.allowed ? <span className="badge badge-ok">readable</span> : <span className="badge badge-danger" title={c.message}>{c.message ?? "forbidden"}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
