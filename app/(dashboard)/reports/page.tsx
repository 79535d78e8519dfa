import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ReportForm } from "@/components/reports/report-form";
import { ReportList } from "@/components/reports/report-list";
import { ScheduleList } from "@/components/reports/schedule-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { hasPermission } from "@/lib/auth/permissions";
import { reportKeys } from "@/lib/client/reports";
import { listComplianceScopes } from "@/lib/services/posture/list-frameworks";
import { listReports } from "@/lib/services/reports/list-reports";
import { listReportSchedules } from "@/lib/services/reports/schedules";

export const metadata = { title: "Reports" };

export default async function Page() {
  const ctx = await getPageContext();
  const canWrite = hasPermission(ctx.role, "reports.write");
  const [reports, schedules, clusters] = await Promise.all([listReports({ ctx }), listReportSchedules({ ctx }), listComplianceScopes({ ctx })]);
  const header = <PageHeader title="Reports" description="Compliance reports (PDF, CSV, JSON) and findings exports (CSV, JSON, SARIF), each stored with its SHA-256." />;
  if (!clusters.length && !reports.length) {
    return (
      <>
        {header}
        <EmptyState title="No reports yet" action={{ href: "/clusters", label: "Add a cluster" }}>
          Generate a compliance report for a framework and a scope (fleet, cluster or namespace); it is built in the background and stays downloadable here with its SHA-256 checksum. Reports need at least one scanned cluster.
        </EmptyState>
      </>
    );
  }
  const qc = new QueryClient();
  qc.setQueryData(reportKeys.list(ctx.org.id), reports);
  qc.setQueryData(reportKeys.schedules(ctx.org.id), schedules);
  return (
    <>
      {header}
      <HydrationBoundary state={dehydrate(qc)}>
        {canWrite ? <ReportForm orgId={ctx.org.id} clusters={clusters} /> : <div className="alert">Your role can download reports; analysts and above can generate them.</div>}
        <ReportList orgId={ctx.org.id} clusters={clusters} />
        <ScheduleList orgId={ctx.org.id} clusters={clusters} canWrite={canWrite} />
      </HydrationBoundary>
    </>
  );
}
