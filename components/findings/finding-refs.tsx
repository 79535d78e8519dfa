import type { TFindingDetail } from "@/lib/client/findings";

const FRAMEWORK_LABELS: Record<string, string> = { ksv: "Trivy (KSV)", kubescape: "Kubescape", cis: "CIS Benchmark", polaris: "Polaris", checkov: "Checkov", kubescore: "kube-score", pss: "Pod Security Standards", nsa: "NSA/CISA", mitre: "MITRE ATT&CK", istio: "Istio" };

export function FindingRefs({ finding }: { finding: TFindingDetail }) {
  const refs = Object.entries(finding.refs).filter((e): e is [string, string[]] => !!e[1]?.length);
  return (
    <div className="card">
      <h2>References</h2>
      {finding.references.length ? (
        <ul className="ref-list">
          {finding.references.map((r) => <li key={r}><a href={r} target="_blank" rel="noreferrer noopener">{r}</a></li>)}
        </ul>
      ) : <p className="muted">No references for this rule.</p>}
      {refs.length ? (
        <>
          <h3>Same check elsewhere</h3>
          <dl className="refs">
            {refs.map(([k, ids]) => (
              <div key={k}><dt>{FRAMEWORK_LABELS[k] ?? k}</dt><dd>{ids.map((id) => <code key={id}>{id}</code>)}</dd></div>
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}
