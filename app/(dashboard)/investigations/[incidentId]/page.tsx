import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentDetail } from "@/components/investigations/incident-detail";
import { getPageContext } from "@/lib/auth/page-context";
import { hasPermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getIncident } from "@/lib/services/incidents/get-incident";

export const metadata = { title: "Incident" };

export default async function Page({ params }: { params: Promise<{ incidentId: string }> }) {
  const ctx = await getPageContext();
  const { incidentId } = await params;
  const incident = await getIncident({ ctx, incidentId }).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <>
      <p style={{ marginBottom: 12 }}><Link href="/investigations">← All incidents</Link></p>
      <IncidentDetail orgId={ctx.org.id} initial={incident} canWrite={hasPermission(ctx.role, "investigations.write")} />
    </>
  );
}
