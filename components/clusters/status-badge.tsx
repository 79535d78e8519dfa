import { match } from "ts-pattern";
import type { TClusterStatus, TScanStatus } from "@/lib/client/clusters";

const clusterTone = (status: TClusterStatus) =>
  match(status)
    .with("ok", () => "badge-ok")
    .with("pending", "degraded", () => "badge-warn")
    .with("unreachable", "tls_error", "unauthorized", "error", () => "badge-danger")
    .exhaustive();

const CLUSTER_LABEL: Record<TClusterStatus, string> = { pending: "pending", ok: "ok", degraded: "degraded", unreachable: "unreachable", tls_error: "TLS error", unauthorized: "unauthorized", error: "error" };

export function ClusterStatusBadge({ status, reason }: { status: TClusterStatus; reason?: string | null }) {
  return (
    <span className={`badge ${clusterTone(status)}`} title={reason ?? undefined} data-testid="cluster-status">
      {CLUSTER_LABEL[status] ?? status}
    </span>
  );
}

const scanTone = (status: TScanStatus) =>
  match(status)
    .with("succeeded", () => "badge-ok")
    .with("queued", "running", () => "badge-warn")
    .with("failed", () => "badge-danger")
    .exhaustive();

export function ScanStatusBadge({ status }: { status: TScanStatus }) {
  return <span className={`badge ${scanTone(status)}`}>{status}</span>;
}
