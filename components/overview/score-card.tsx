import type { TFrameworkKey, TPostureSummary } from "@/lib/client/overview";

export const FRAMEWORK_LABELS: Record<TFrameworkKey, string> = { cis: "CIS Benchmark", nsa: "NSA/CISA", pss: "Pod Security Standards", mitre: "MITRE ATT&CK" };

export const scoreClass = (score: number) => (score >= 80 ? "score-good" : score >= 50 ? "score-fair" : "score-poor");

/** The number and, right next to it, how it is computed, with the counts that went into it. */
export function ScoreCard({ title, posture, testId = "fleet-score" }: { title: string; posture: TPostureSummary | null; testId?: string }) {
  if (!posture) return <div className="card"><h2>{title}</h2><p className="muted">No cluster has been scanned successfully yet.</p></div>;
  const c = posture.counts;
  return (
    <div className="card ov-score" data-testid={testId}>
      <h2>{title}</h2>
      <div className="ov-score-row">
        <div className={`ov-score-number ${scoreClass(posture.score)}`} data-testid="score-value">{posture.score.toFixed(1)}</div>
        <div className="ov-formula small">
          <div><strong>100 × (pass + 0.5 × partial) / (pass + fail + partial)</strong></div>
          <div className="muted">= 100 × ({c.pass} + 0.5 × {c.partial}) / ({c.pass} + {c.fail} + {c.partial})</div>
          <div className="muted">not-assessable ({c.notAssessable}) and not-applicable ({c.notApplicable}) controls are left out</div>
        </div>
      </div>
      <div className="ov-counts">
        <span className="cmp-status cmp-status-pass">{c.pass} pass</span>
        <span className="cmp-status cmp-status-fail">{c.fail} fail</span>
        <span className="cmp-status cmp-status-partial">{c.partial} partial</span>
        <span className="muted small">{posture.failingResources} failing resources · {posture.resources} resources assessed</span>
      </div>
    </div>
  );
}
