import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ControlDetail } from "@/components/compliance/control-detail";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { complianceKeys, compliancePath } from "@/lib/client/compliance";
import { getComplianceControl } from "@/lib/services/posture/get-compliance-control";
import { ZScope } from "@/lib/services/posture/scope";

type Props = { params: Promise<{ framework: string; controlId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const ctx = await getPageContext();
  const { framework, controlId: raw } = await params;
  const controlId = decodeURIComponent(raw);
  const sp = await searchParams;
  const scope = ZScope.safeParse({ cluster: sp.cluster, namespace: sp.namespace }).data ?? {};
  const detail = await getComplianceControl({ ctx, framework, controlId, input: scope }).catch(() => null);
  if (!detail) notFound();
  const qc = new QueryClient();
  qc.setQueryData(complianceKeys.control(ctx.org.id, framework, controlId, scope), detail);
  return (
    <>
      <PageHeader
        title={`${detail.control.id} ${detail.control.title}`}
        description={`${detail.framework.name} (${detail.framework.id})${scope.namespace ? ` · namespace ${scope.namespace}` : ""}`}
        actions={<Link href={compliancePath(framework, scope)} className="btn cmp-back">All {detail.framework.key.toUpperCase()} controls</Link>}
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <ControlDetail orgId={ctx.org.id} framework={framework} controlId={controlId} scope={scope} />
      </HydrationBoundary>
    </>
  );
}
