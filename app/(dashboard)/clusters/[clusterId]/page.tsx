import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ClusterDetail } from "@/components/clusters/cluster-detail";
import { getPageContext } from "@/lib/auth/page-context";
import { hasPermission } from "@/lib/auth/permissions";
import { clusterKeys } from "@/lib/client/clusters";
import { NotFoundError } from "@/lib/errors";
import { getCluster } from "@/lib/services/clusters/get-cluster";

export const metadata = { title: "Cluster" };

export default async function ClusterPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  const ctx = await getPageContext();
  const cluster = await getCluster({ ctx, clusterId }).catch((err) => (err instanceof NotFoundError ? null : Promise.reject(err)));
  if (!cluster) notFound();
  const qc = new QueryClient();
  qc.setQueryData(clusterKeys.detail(ctx.org.id, clusterId), cluster);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ClusterDetail orgId={ctx.org.id} clusterId={clusterId} canWrite={hasPermission(ctx.role, "clusters.write")} />
    </HydrationBoundary>
  );
}
