import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Compliance" };

export default function Page() {
  return (
    <>
      <PageHeader title="Compliance" description="CIS Kubernetes Benchmark, NSA/CISA hardening guidance, Pod Security Standards and MITRE ATT&amp;CK." />
      <EmptyState title="No posture to show yet" action={{ href: "/clusters", label: "Add a cluster" }}>
        Each framework's controls get a status (pass, fail, partially assessed, not applicable) from your clusters' scans. Connect a cluster to see your score and the failing resources per control.
      </EmptyState>
    </>
  );
}
