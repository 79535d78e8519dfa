import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { FindingDetail } from "@/components/findings/finding-detail";
import { getPageContext } from "@/lib/auth/page-context";
import { hasPermission } from "@/lib/auth/permissions";
import { findingKeys } from "@/lib/client/findings";
import { NotFoundError } from "@/lib/errors";
import { getFinding } from "@/lib/services/findings/get-finding";

export const metadata = { title: "Finding" };

export default async function FindingPage({ params }: { params: Promise<{ findingId: string }> }) {
  const { findingId } = await params;
  const ctx = await getPageContext();
  const finding = await getFinding({ ctx, findingId }).catch((err) => (err instanceof NotFoundError ? null : Promise.reject(err)));
  if (!finding) notFound();
  const qc = new QueryClient();
  qc.setQueryData(findingKeys.detail(ctx.org.id, findingId), finding);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <FindingDetail orgId={ctx.org.id} findingId={findingId} canWrite={hasPermission(ctx.role, "findings.write")} />
      </Suspense>
    </HydrationBoundary>
  );
}
