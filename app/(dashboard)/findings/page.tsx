import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Findings" };

export default function Page() {
  return (
    <>
      <PageHeader title="Findings" description="Misconfigurations found in your clusters, with evidence and remediation." />
      <EmptyState title="No findings yet" action={{ href: "/clusters", label: "Add a cluster" }}>
        Findings appear here after the first scan of a cluster: privileged pods, risky RBAC, secrets in plain sight, missing network policies and more, each with the offending fields and a fix.
      </EmptyState>
    </>
  );
}
