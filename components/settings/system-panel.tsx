"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchSystemHealth, systemKeys } from "@/lib/client/system";

export function SystemPanel({ orgId }: { orgId: string }) {
  const health = useQuery({ queryKey: systemKeys.health(orgId), queryFn: ({ signal }) => fetchSystemHealth(signal), refetchInterval: 10_000 });
  const alive = health.data?.workers.filter((w) => w.alive).length ?? 0;
  return (
    <>
      <div className="grid">
        <div className="card" data-testid="workers-alive">
          <div className="muted">Workers alive</div>
          <div className="stat">{health.data ? alive : "…"}</div>
          <span className={`badge ${alive ? "badge-ok" : "badge-danger"}`}>{alive ? "heartbeat seen in the last minute" : "no recent heartbeat"}</span>
        </div>
        <div className="card">
          <div className="muted">Jobs waiting</div>
          <div className="stat" data-testid="queue-pending">{health.data?.queue ? health.data.queue.pending : "—"}</div>
          <span className="muted">{health.data?.queue ? `${health.data.queue.running} running, ${health.data.queue.scheduledLater} scheduled, ${health.data.queue.failed} failed` : "queue not initialised yet"}</span>
        </div>
      </div>
      <div className="card">
        <h2>Worker processes</h2>
        <table>
          <thead><tr><th>Worker</th><th>Started</th><th>Last heartbeat</th><th>Status</th></tr></thead>
          <tbody>
            {health.data?.workers.map((w) => (
              <tr key={w.id}>
                <td><code>{w.id}</code></td>
                <td className="muted">{new Date(w.startedAt).toLocaleString()}</td>
                <td className="muted">{new Date(w.seenAt).toLocaleTimeString()}</td>
                <td><span className={`badge ${w.alive ? "badge-ok" : "badge-warn"}`}>{w.alive ? "alive" : "stale"}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
        {health.data && !health.data.workers.length ? <p className="muted">No worker has started yet. `npm start` runs one; more can run with `npm run worker`.</p> : null}
      </div>
    </>
  );
}
