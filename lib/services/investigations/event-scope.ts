import "server-only";
import type { TAuditEventDto } from "@/lib/client/investigations";

/** Which audit_events rows a query reads. clusterIds must come from resolveOrgClusters (tenant scope). */
export type TEventScope = {
  clusterIds: string[];
  from: Date;
  to: Date;
  username?: string;
  /** null: cluster-scoped objects only; "*" or undefined: any namespace. */
  namespace?: string | null;
  resource?: string;
  name?: string;
};

/** clusterExpr: an expression that names one cluster (a lateral join's), instead of any of s.clusterIds. */
export const scopeWhere = (s: TEventScope, params: unknown[] = [], clusterExpr?: string) => {
  const p = (v: unknown) => `$${params.push(v)}`;
  const parts = [clusterExpr ? `cluster_id = ${clusterExpr}` : `cluster_id = any(${p(s.clusterIds)}::text[])`, `ts >= ${p(s.from)}`, `ts < ${p(s.to)}`];
  if (s.username !== undefined) parts.push(`username = ${p(s.username)}`);
  if (s.namespace === null) parts.push("namespace is null");
  else if (s.namespace !== undefined && s.namespace !== "*") parts.push(`namespace = ${p(s.namespace)}`);
  if (s.resource !== undefined) parts.push(`resource = ${p(s.resource)}`);
  if (s.name !== undefined) parts.push(`name = ${p(s.name)}`);
  return { where: parts.join(" and "), params };
};

export const EVENT_COLUMNS = "cluster_id, audit_id, stage, ts, verb, username, source_ip, user_agent, resource, subresource, namespace, name, api_group, code, decision";

export type TEventRow = {
  cluster_id: string; audit_id: string; stage: string; ts: Date; verb: string; username: string; source_ip: string | null; user_agent: string | null;
  resource: string | null; subresource: string | null; namespace: string | null; name: string | null; api_group: string | null; code: number | null; decision: string | null;
};

export const serializeEvent = (r: TEventRow): TAuditEventDto => ({
  clusterId: r.cluster_id,
  auditId: r.audit_id,
  stage: r.stage,
  ts: r.ts.toISOString(),
  verb: r.verb,
  username: r.username,
  sourceIp: r.source_ip,
  userAgent: r.user_agent,
  resource: r.resource,
  subresource: r.subresource,
  namespace: r.namespace,
  name: r.name,
  apiGroup: r.api_group,
  code: r.code,
  decision: r.decision,
});
