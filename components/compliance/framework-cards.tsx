import Link from "next/link";
import { scoreClass } from "@/components/overview/score-card";
import type { TFrameworkList } from "@/lib/client/compliance";

/** One card per framework with the fleet's current score; a card opens the framework's controls. */
export function FrameworkCards({ frameworks }: { frameworks: TFrameworkList["frameworks"] }) {
  return (
    <div className="cmp-cards">
      {frameworks.map((f) => (
        <Link key={f.key} href={`/compliance/${f.key}`} className="card cmp-card" data-testid={`framework-${f.key}`}>
          <div className="muted small">{f.id} · {f.controls} controls</div>
          <h2>{f.name}</h2>
          {f.posture ? (
            <>
              <div className={`ov-score-number ${scoreClass(f.posture.score)}`}>{f.posture.score.toFixed(1)}</div>
              <div className="small">
                <span className="cmp-status cmp-status-pass">{f.posture.counts.pass} pass</span> <span className="cmp-status cmp-status-fail">{f.posture.counts.fail} fail</span>{" "}
                <span className="cmp-status cmp-status-partial">{f.posture.counts.partial} partial</span>
              </div>
              <div className="muted small">{f.posture.counts.notAssessable + f.posture.counts.notApplicable} not assessed or not applicable</div>
            </>
          ) : <p className="muted">Not scanned yet</p>}
        </Link>
      ))}
    </div>
  );
}
