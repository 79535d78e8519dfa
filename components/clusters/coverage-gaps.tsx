import type { TCoverageEntry } from "@/lib/client/clusters";

/** Resource types the last scan could not read: the rules that need them saw nothing there. */
export function CoverageGaps({ coverage }: { coverage: TCoverageEntry[] | null }) {
  if (!coverage) return null;
  const gaps = coverage.filter((c) => c.status !== "ok");
  const readable = coverage.length - gaps.length;
  return (
    <div className="card" data-testid="coverage-gaps">
      <h2>Coverage</h2>
      <p className="muted"><strong>{readable} of {coverage.length}</strong> resource types read in the last good scan.</p>
      {gaps.length ? (
        <ul className="gap-list">
          {gaps.map((g) => (
            <li key={g.resource}>
              <span className={`badge ${g.status === "forbidden" ? "badge-warn" : "badge-danger"}`}>{g.status}</span> <span className="mono">{g.resource}</span>
              {g.message ? <div className="muted small reason">{g.message}</div> : null}
            </li>
          ))}
        </ul>
      ) : <p className="text-ok">No gaps: every resource type the rules need was readable.</p>}
    </div>
  );
}
