import { STATUS_LABEL, type TIncidentStatus } from "@/lib/client/incidents";
import type { TSeverity } from "@/lib/client/investigations";

export function SeverityBadge({ severity }: { severity: TSeverity }) {
  return <span className={`inv-sev inv-sev-${severity}`}>{severity}</span>;
}

export function StatusBadge({ status }: { status: TIncidentStatus }) {
  return <span className={`badge inv-status-${status}`} data-testid="incident-status">{STATUS_LABEL[status]}</span>;
}
