import { InvestigationsNav } from "@/components/investigations/investigations-nav";
import { ResourceActivity } from "@/components/investigations/resource-activity";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/auth/page-context";
import { resolveOrgClusters } from "@/lib/services/investigations/cluster-scope";
import { ZTimeRange } from "@/lib/services/investigations/time-range";

export const metadata = { title: "Resource activity" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await getPageContext();
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const clusters = await resolveOrgClusters(ctx);
  const parsed = ZTimeRange.safeParse({ range: one("range") || undefined, from: one("from") || undefined, to: one("to") || undefined });
  const range = parsed.success ? parsed.data : { range: "24h" as const };
  const cluster = clusters.some((c) => c.id === one("cluster")) ? one("cluster") : "";
  return (
    <>
      <PageHeader title="Resource activity" description="Who touched an object in a cluster, and how, from the audit log." />
      <InvestigationsNav current="resources" />
      <ResourceActivity orgId={ctx.org.id} clusters={clusters} initial={{ cluster, namespace: one("namespace"), resource: one("resource"), name: one("name"), ...range }} />
    </>
  );
}
