"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchAuditLog, systemKeys } from "@/lib/client/system";

export function AuditPanel({ orgId }: { orgId: string }) {
  const log = useQuery({ queryKey: systemKeys.auditLog(orgId), queryFn: ({ signal }) => fetchAuditLog(signal) });
  return (
    <div className="card">
      <h2>Audit trail</h2>
      <p className="muted">Who did what in Tower: sign-ins, invitations, role changes, settings, suppressions and exports.</p>
      <table>
        <thead><tr><th>When</th><th>Who</th><th>Action</th><th>Details</th></tr></thead>
        <tbody>
          {log.data?.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td className="muted">{new Date(e.createdAt).toLocaleString()}</td>
              <td>{e.actorEmail ?? "system"}</td>
              <td><code>{e.action}</code></td>
              <td className="muted"><code>{JSON.stringify(e.after ?? e.before ?? {})}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
