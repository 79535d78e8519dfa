import type { TControlStatus } from "@/lib/client/compliance";

export const STATUS_LABEL: Record<TControlStatus, string> = { pass: "pass", fail: "fail", partial: "partial", "not-assessable": "not assessable", "not-applicable": "not applicable" };

export function ControlStatusBadge({ status }: { status: TControlStatus }) {
  return <span className={`cmp-status cmp-status-${status}`} data-status={status}>{STATUS_LABEL[status]}</span>;
}
