import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await getPageContext();
  return (
    <>
      <PageHeader title="Overview" description={`Security posture of every cluster of ${ctx.org.name}.`} />
      <EmptyState title="No clusters yet" action={{ href: "/clusters", label: "Add a cluster" }}>
        Once a cluster is connected, this page shows the fleet posture score and its trend, findings by severity over the
        last 30 and 90 days, the riskiest clusters and namespaces, open incidents and coverage problems.
      </EmptyState>
    </>
  );
}
