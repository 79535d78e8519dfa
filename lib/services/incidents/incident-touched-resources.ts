import "server-only";
import type pg from "pg";
import type { TTouchedResource } from "@/lib/client/incidents";
import { db } from "@/lib/db";
import { scopeWhere, type TEventScope } from "../investigations/event-scope";
import { kindOfResource } from "../investigations/resource-kinds";

/** Objects the principal touched in the window, each with the open posture findings on it in the same cluster. */
export const touchedResources = async (pool: pg.Pool, input: { orgId: string; clusterId: string; scope: TEventScope }): Promise<TTouchedResource[]> => {
  const { where, params } = scopeWhere(input.scope);
  const r = await pool.query<{ namespace: string; resource: string; name: string; events: string; verbs: string[] }>(
    `select coalesce(namespace, '') as namespace, resource, coalesce(name, '') as name, count(distinct audit_id) as events,
            array_agg(distinct verb || coalesce(' ' || subresource, '')) as verbs
       from audit_events where ${where} and resource is not null group by 1, 2, 3 order by events desc, resource, name limit 200`,
    params,
  );
  const touched = r.rows.map((x) => ({ namespace: x.namespace, resource: x.resource, name: x.name, kind: kindOfResource(x.resource), verbs: x.verbs.sort(), events: Number(x.events) }));
  const objects = touched.filter((t) => t.kind && t.name).map((t) => ({ kind: t.kind!, namespace: t.namespace, name: t.name }));
  const findings = objects.length
    ? await db.finding.findMany({
        where: { orgId: input.orgId, clusterId: input.clusterId, status: { not: "resolved" }, suppressionId: null, OR: objects },
        select: { id: true, title: true, severity: true, ruleName: true, kind: true, namespace: true, name: true },
        orderBy: [{ severity: "asc" }, { id: "asc" }],
        take: 500,
      })
    : [];
  return touched.map((t) => ({
    ...t,
    findings: findings.filter((f) => f.kind === t.kind && f.namespace === t.namespace && f.name === t.name).map(({ id, title, severity, ruleName }) => ({ id, title, severity, ruleName })),
  }));
};
