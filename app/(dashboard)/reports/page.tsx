import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Reports" };

export default function Page() {
  return (
    <>
      <PageHeader title="Reports" description="Compliance reports (PDF, CSV, JSON) and findings exports." />
      <EmptyState title="No reports yet" action={{ href: "/compliance", label: "Go to compliance" }}>
        Generate a compliance report for a framework and a scope (fleet, cluster or namespace); it is built in the background and stays downloadable here with its SHA-256 checksum. Reports need at least one scanned cluster.
      </EmptyState>
    </>
  );
}
