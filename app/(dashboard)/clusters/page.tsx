import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Clusters" };

export default function Page() {
  return (
    <>
      <PageHeader title="Clusters" description="Every cluster Tower watches, its status, last scan and coverage." />
      <EmptyState title="Add a cluster" action={{ href: "/clusters", label: "Add a cluster" }}>
        Upload a kubeconfig or paste a server URL, CA and read-only token. Tower tests the connection, shows which resource types it can read, and scans the cluster every 15 minutes. Until then, you can scan manifests from the command line: ./bin/tower scan DIR.
      </EmptyState>
    </>
  );
}
