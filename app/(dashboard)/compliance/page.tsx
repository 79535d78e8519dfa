import { FrameworkCards } from "@/components/compliance/framework-cards";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { listComplianceFrameworks } from "@/lib/services/posture/list-frameworks";

export const metadata = { title: "Compliance" };

export default async function Page() {
  const ctx = await getPageContext();
  const { frameworks, clusters } = await listComplianceFrameworks({ ctx });
  return (
    <>
      <PageHeader title="Compliance" description="CIS Kubernetes Benchmark, NSA/CISA hardening guidance, Pod Security Standards and MITRE ATT&CK." />
      {clusters.length ? (
        <>
          <FrameworkCards frameworks={frameworks} />
          <p className="muted small">Scores are computed from the open, not suppressed findings of each cluster's latest successful scan: 100 × (pass + 0.5 × partial) / (pass + fail + partial); controls Tower cannot assess or that apply to nothing are left out.</p>
        </>
      ) : (
        <EmptyState title="No posture to show yet" action={{ href: "/clusters", label: "Add a cluster" }}>
          Each framework's controls get a status (pass, fail, partially assessed, not applicable) from your clusters' scans. Connect a cluster to see your score and the failing resources per control.
        </EmptyState>
      )}
    </>
  );
}
