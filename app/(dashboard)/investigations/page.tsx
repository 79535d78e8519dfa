import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Investigations" };

export default function Page() {
  return (
    <>
      <PageHeader title="Investigations" description="Incidents detected in the Kubernetes audit log, with their timelines." />
      <EmptyState title="No incidents" action={{ href: "/clusters", label: "Set up audit logs for a cluster" }}>
        Send your API servers' audit events to Tower (an audit webhook per cluster) or import an audit log file; detections such as exec into pods, secrets listed cluster-wide or new cluster-admin bindings group into incidents here.
      </EmptyState>
    </>
  );
}
