import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { overviewKeys } from "@/lib/client/overview";
import { getOverview } from "@/lib/services/overview/get-overview";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await getPageContext();
  const header = <PageHeader title="Overview" description={`Security posture of every cluster of ${ctx.org.name}.`} />;
  const overview = await getOverview({ ctx, input: { range: "30", framework: "cis" } });
  if (!overview.clusters.total) {
    return (
      <>
        {header}
        <EmptyState title="No clusters yet" action={{ href: "/clusters", label: "Add a cluster" }}>
          Once a cluster is connected, this page shows the fleet posture score and its trend, findings by severity over the
          last 30 and 90 days, the riskiest clusters and namespaces, open incidents and coverage problems.
        </EmptyState>
      </>
    );
  }
  const qc = new QueryClient();
  qc.setQueryData(overviewKeys.get(ctx.org.id, "30", "cis"), overview);
  return (
    <>
      {header}
      <HydrationBoundary state={dehydrate(qc)}>
        <OverviewDashboard orgId={ctx.org.id} />
      </HydrationBoundary>
    </>
  );
}
