import { AllowListPanel } from "@/components/investigations/allowlist-panel";
import { InvestigationsNav } from "@/components/investigations/investigations-nav";
import { PageHeader } from "@/components/ui/page-header";
import { DETECTIONS } from "@/lib/audit";
import { getPageContext } from "@/lib/auth/page-context";
import { hasPermission } from "@/lib/auth/permissions";
import { listAllowListEntries } from "@/lib/services/allowlist/list-allowlist-entries";
import { resolveOrgClusters } from "@/lib/services/investigations/cluster-scope";

export const metadata = { title: "Allow-list" };

export default async function Page() {
  const ctx = await getPageContext();
  const [initial, clusters] = await Promise.all([listAllowListEntries({ ctx }), resolveOrgClusters(ctx)]);
  const detections = [...DETECTIONS].map((d) => ({ id: d.id, title: d.title })).sort((a, b) => a.id.localeCompare(b.id));
  return (
    <>
      <PageHeader title="Allow-list" description="Principals whose activity a detection ignores: expected automation, break-glass drills, known tools." />
      <InvestigationsNav current="allowlist" />
      <AllowListPanel orgId={ctx.org.id} canWrite={hasPermission(ctx.role, "investigations.write")} detections={detections} clusters={clusters} initial={initial} />
    </>
  );
}
