import { InvestigationsNav } from "@/components/investigations/investigations-nav";
import { PrincipalActivity } from "@/components/investigations/principal-activity";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { resolveOrgClusters } from "@/lib/services/investigations/cluster-scope";
import { ZTimeRange } from "@/lib/services/investigations/time-range";

export const metadata = { title: "Principal activity" };

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ params, searchParams }: { params: Promise<{ principal: string }>; searchParams: SearchParams }) {
  const ctx = await getPageContext();
  const principal = safeDecode((await params).principal);
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const clusters = await resolveOrgClusters(ctx);
  const parsed = ZTimeRange.safeParse({ range: one("range"), from: one("from"), to: one("to") });
  const range = parsed.success ? parsed.data : { range: "24h" as const };
  const cluster = clusters.some((c) => c.id === one("cluster")) ? one("cluster") : undefined;
  return (
    <>
      <PageHeader title="Principal activity" description={`Everything ${principal} did in the audit log, with what is new for them highlighted.`} />
      <InvestigationsNav current={null} />
      <PrincipalActivity orgId={ctx.org.id} principal={principal} clusters={clusters} initial={{ cluster, ...range }} />
    </>
  );
}
