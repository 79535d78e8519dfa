import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FrameworkPosture } from "@/components/compliance/framework-posture";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { hasPermission } from "@/lib/auth/permissions";
import { complianceKeys } from "@/lib/client/compliance";
import { getCompliancePosture } from "@/lib/services/posture/get-compliance-posture";
import { listComplianceScopes } from "@/lib/services/posture/list-frameworks";
import { ZFrameworkKey, ZScope } from "@/lib/services/posture/scope";

type Props = { params: Promise<{ framework: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const ctx = await getPageContext();
  const key = ZFrameworkKey.safeParse((await params).framework);
  if (!key.success) notFound();
  const sp = await searchParams;
  const scope = ZScope.safeParse({ cluster: sp.cluster, namespace: sp.namespace }).data ?? {};
  const qc = new QueryClient();
  const posture = await getCompliancePosture({ ctx, framework: key.data, input: scope }).catch(() => null);
  if (posture) qc.setQueryData(complianceKeys.posture(ctx.org.id, key.data, scope), posture);
  return (
    <>
      <PageHeader title={posture?.framework.name ?? "Compliance"} description={posture?.framework.source} actions={<Link href="/compliance" className="btn cmp-back">All frameworks</Link>} />
      <HydrationBoundary state={dehydrate(qc)}>
        <FrameworkPosture orgId={ctx.org.id} framework={key.data} scope={scope} clusters={await listComplianceScopes({ ctx })} canWrite={hasPermission(ctx.role, "reports.write")} />
      </HydrationBoundary>
    </>
  );
}
