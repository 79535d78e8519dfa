import Link from "next/link";
import { AddClustersFlow } from "@/components/clusters/add-clusters-flow";
import { ReaderAccessPanel } from "@/components/clusters/reader-access-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { hasPermission } from "@/lib/auth/permissions";

export const metadata = { title: "Add clusters" };

export default async function NewClustersPage() {
  const ctx = await getPageContext();
  const back = <Link className="btn" href="/clusters">Back to clusters</Link>;
  if (!hasPermission(ctx.role, "clusters.write")) {
    return (
      <>
        <PageHeader title="Add clusters" actions={back} />
        <p className="muted" data-testid="viewer-note">Your role ({ctx.role}) cannot add clusters. Ask an admin or owner.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Add clusters" description="Connect a cluster with read-only credentials. Nothing is stored until you save." actions={back} />
      <AddClustersFlow orgId={ctx.org.id} />
      <ReaderAccessPanel orgId={ctx.org.id} />
    </>
  );
}
