import { IncidentList } from "@/components/investigations/incident-list";
import { InvestigationsNav } from "@/components/investigations/investigations-nav";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { resolveOrgClusters } from "@/lib/services/investigations/cluster-scope";

export const metadata = { title: "Investigations" };

export default async function Page() {
  const ctx = await getPageContext();
  const [initial, clusters] = await Promise.all([listIncidents({ ctx, input: { pageSize: 25 } }), resolveOrgClusters(ctx)]);
  return (
    <>
      <PageHeader title="Investigations" description="Incidents detected in the Kubernetes audit log, with their timelines." />
      <InvestigationsNav current="incidents" />
      {initial.total === 0 ? (
        <EmptyState title="No incidents" action={{ href: "/clusters", label: "Set up audit logs for a cluster" }}>
          Send your API servers&apos; audit events to Tower (an audit webhook per cluster) or import an audit log file; detections such as exec into pods, secrets listed cluster-wide or new cluster-admin bindings group into incidents here.
        </EmptyState>
      ) : (
        <IncidentList orgId={ctx.org.id} clusters={clusters} initial={initial} />
      )}
    </>
  );
}
