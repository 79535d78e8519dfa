import Link from "next/link";
import { SEVERITIES, type TSeverity } from "@/lib/client/clusters";

export function SeverityPill({ severity, count }: { severity: TSeverity; count?: number }) {
  return (
    <span className={`sev-pill sev-${severity}`} data-severity={severity}>
      {count === undefined ? severity : <><strong>{count}</strong> {severity}</>}
    </span>
  );
}

/** One pill per severity with a non-zero count; each may link to the explorer filtered by that severity. */
export function SeverityCounts({ counts, hrefFor, showZero = false }: { counts: Partial<Record<TSeverity, number>>; hrefFor?: (s: TSeverity) => string; showZero?: boolean }) {
  const shown = SEVERITIES.filter((s) => showZero || (counts[s] ?? 0) > 0);
  if (!shown.length) return <span className="muted">none open</span>;
  return (
    <span className="sev-counts">
      {shown.map((s) =>
        hrefFor ? (
          <Link key={s} href={hrefFor(s)} className="sev-link" aria-label={`${counts[s] ?? 0} ${s} findings`}>
            <SeverityPill severity={s} count={counts[s] ?? 0} />
          </Link>
        ) : (
          <SeverityPill key={s} severity={s} count={counts[s] ?? 0} />
        ),
      )}
    </span>
  );
}
