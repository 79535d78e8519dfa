import type { TScan } from "@/lib/client/clusters";
import { RelativeTime } from "./relative-time";
import { ScanStatusBadge } from "./status-badge";

const duration = (s: TScan) => (s.startedAt && s.finishedAt ? `${Math.max(0, Math.round((Date.parse(s.finishedAt) - Date.parse(s.startedAt)) / 100) / 10)} s` : "—");

const Delta = ({ n, sign, tone }: { n: number; sign: string; tone?: string }) => (n ? <span className={`delta ${tone ?? ""}`}>{sign}{n}</span> : <span className="muted">0</span>);

export function RecentScans({ scans }: { scans: TScan[] }) {
  return (
    <div className="card table-card">
      <h2>Recent scans</h2>
      {scans.length ? (
        <table className="compact" data-testid="recent-scans">
          <thead>
            <tr><th>Started</th><th>Status</th><th>Took</th><th>Objects</th><th>Added / changed / removed</th><th>Findings</th><th>New / resolved / regressed</th></tr>
          </thead>
          <tbody>
            {scans.map((s) => (
              <tr key={s.id} data-testid="scan-row">
                <td><RelativeTime iso={s.startedAt ?? s.createdAt} /><div className="muted small">{s.trigger}</div></td>
                <td><ScanStatusBadge status={s.status} />{s.error ? <div className="small reason text-danger">{s.error}</div> : null}</td>
                <td>{duration(s)}</td>
                <td>{s.objects.total}</td>
                <td className="deltas"><Delta n={s.objects.added} sign="+" /> / <Delta n={s.objects.changed} sign="~" /> / <Delta n={s.objects.removed} sign="−" /></td>
                <td>{s.findings.total}</td>
                <td className="deltas"><Delta n={s.findings.new} sign="+" tone="text-danger" /> / <Delta n={s.findings.resolved} sign="−" tone="text-ok" /> / <Delta n={s.findings.regressed} sign="↺" tone="text-warn" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">No scan yet.</p>}
    </div>
  );
}
