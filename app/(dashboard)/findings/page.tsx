import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { Suspense } from "react";
import { FindingsExplorer } from "@/components/findings/findings-explorer";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { apiParams, findingKeys, viewFromParams } from "@/lib/client/findings";
import { listFindings } from "@/lib/services/findings/list-findings";

export const metadata = { title: "Findings" };

type SearchParams = Record<string, string | string[] | undefined>;

const toUrlParams = (sp: SearchParams) => new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0] : v] as [string, string]])));

export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getPageContext();
  const any = await listFindings({ ctx, input: { pageSize: "1", suppressed: "include", status: "new,open,regressed,resolved" } });
  const header = <PageHeader title="Findings" description="Misconfigurations found in your clusters, with evidence and remediation." />;
  if (!("total" in any) || any.total === 0) {
    return (
      <>
        {header}
        <EmptyState title="No findings yet" action={{ href: "/clusters", label: "Add a cluster" }}>
          Findings appear here after the first scan of a cluster: privileged pods, risky RBAC, secrets in plain sight, missing network policies and more, each with the offending fields and a fix.
        </EmptyState>
      </>
    );
  }
  const view = viewFromParams(toUrlParams(await searchParams));
  const qc = new QueryClient();
  if (view.groupBy === "none") {
    const first = await listFindings({ ctx, input: Object.fromEntries(new URLSearchParams(apiParams(view))) }).catch(() => null);
    if (first && "items" in first) qc.setQueryData(findingKeys.list(ctx.org.id, view), { items: first.items, total: first.total, page: first.page, pageSize: first.pageSize });
  }
  return (
    <>
      {header}
      <HydrationBoundary state={dehydrate(qc)}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <FindingsExplorer orgId={ctx.org.id} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
