import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ClusterTable } from "@/components/clusters/cluster-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { hasPermission } from "@/lib/auth/permissions";
import { clusterKeys } from "@/lib/client/clusters";
import { listClusters } from "@/lib/services/clusters/list-clusters";

export const metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const ctx = await getPageContext();
  const canWrite = hasPermission(ctx.role, "clusters.write");
  const qc = new QueryClient();
  const clusters = await listClusters({ ctx });
  qc.setQueryData(clusterKeys.list(ctx.org.id), clusters);
  const addButton = canWrite ? <Link className="btn btn-primary" href="/clusters/new">Add clusters</Link> : null;
  return (
    <>
      <PageHeader title="Clusters" description="Every cluster Tower watches, its status, last scan and coverage." actions={clusters.length ? addButton : null} />
      {clusters.length ? (
        <HydrationBoundary state={dehydrate(qc)}>
          <ClusterTable orgId={ctx.org.id} />
        </HydrationBoundary>
      ) : (
        <EmptyState title="Add a cluster" action={canWrite ? { href: "/clusters/new", label: "Add a cluster" } : undefined}>
          Upload a kubeconfig or paste a server URL, CA and read-only token. Tower tests the connection, shows which resource types it can read, and scans the cluster every 15 minutes.
          {canWrite ? null : " Ask an admin or owner to add one."} Until then, you can scan manifests from the command line: ./bin/tower scan DIR.
        </EmptyState>
      )}
    </>
  );
}
