import type { TScan } from "@/lib/client/clusters";
import { RelativeTime } from "./relative-time";

const PHASES: Record<string, string> = { collecting: "Reading the cluster", scanning: "Running the rules", storing: "Storing results", done: "Done", failed: "Failed" };

/** Live progress of a queued or running scan (the page polls every second meanwhile). */
export function ScanProgress({ scan }: { scan: TScan }) {
  const p = scan.progress;
  const phase = scan.status === "queued" ? "Waiting for a worker" : PHASES[p?.phase ?? "collecting"] ?? p?.phase;
  return (
    <div className="card scan-progress" data-testid="scan-progress" aria-live="polite">
      <div className="row">
        <span className="spinner" aria-hidden="true" />
        <strong data-testid="scan-phase">{phase}</strong>
        <span className="muted small">requested <RelativeTime iso={scan.createdAt} /> ({scan.trigger})</span>
      </div>
      <div className="progress-stats">
        <div><div className="stat" data-testid="scan-resources">{p?.resources ?? 0}</div><span className="muted">resource types listed</span></div>
        <div><div className="stat" data-testid="scan-objects">{p?.objects ?? 0}</div><span className="muted">objects read</span></div>
        <div className="grow"><div className="muted">Now reading</div><div className="mono ellipsis">{p?.current || "—"}</div></div>
      </div>
    </div>
  );
}
