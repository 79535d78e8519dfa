import "server-only";
import { registrySources } from "@/lib/compliance/sources";
import type { CoverageGap } from "@/lib/compliance/types";
import { db } from "@/lib/db";
import { coverageGapsOf } from "./coverage-gaps";

export type StoredFinding = { clusterId: string; ruleId: string; apiVersion: string; kind: string; namespace: string; name: string; message: string; severity: string };
export type ClusterBasis = { id: string; name: string; scanned: boolean; rulesRun: string[]; gaps: CoverageGap[]; resources: number; auditActive: boolean };

/** Everything the assessment reads from the database for one org and scope, loaded once and filtered in memory. */
export type ScopeBasis = {
  clusters: ClusterBasis[];
  findings: StoredFinding[];
  namespace?: string;
  /** Namespace scope only: kinds present in the namespace, to tell which rules had objects to look at there. */
  namespaceKinds?: Set<string>;
  /** MITRE detections that fired on the scope's clusters (recent, stored detections). */
  detectionsFired: Array<{ clusterId: string; detectionId: string }>;
};

let sources: ReturnType<typeof registrySources> | undefined;
export const mappingSources = () => (sources ??= registrySources());

const DETECTION_WINDOW_MS = 30 * 86_400_000;

export const loadScopeBasis = async (orgId: string, opts: { clusterIds?: string[]; namespace?: string; now?: Date } = {}): Promise<ScopeBasis> => {
  const ns = opts.namespace ?? null;
  const clusters = await db.cluster.findMany({ where: { orgId, ...(opts.clusterIds ? { id: { in: opts.clusterIds } } : {}) }, select: { id: true, name: true, auditLastEventAt: true }, orderBy: { name: "asc" } });
  const ids = clusters.map((c) => c.id);
  // Scans pile up (one every 15 minutes): DISTINCT ON reads only the latest succeeded one per cluster.
  const scans = await db.$queryRaw<Array<{ clusterId: string; rulesRun: string[]; coverage: unknown }>>`
    select distinct on ("clusterId") "clusterId", "rulesRun", coverage from "ScanRun"
     where "orgId" = ${orgId} and "clusterId" = any(${ids}) and status = 'succeeded' order by "clusterId", "finishedAt" desc nulls last`;
  const findings = await db.$queryRaw<StoredFinding[]>`
    select distinct on ("clusterId", "ruleId", kind, namespace, name, "apiVersion") "clusterId", "ruleId", "apiVersion", kind, namespace, name, message, severity::text as severity
      from "Finding" where "orgId" = ${orgId} and "clusterId" = any(${ids}) and status <> 'resolved' and "suppressionId" is null and (${ns}::text is null or namespace = ${ns})
     order by "clusterId", "ruleId", kind, namespace, name, "apiVersion", severity, message`;
  const objects = await db.inventoryObject.groupBy({ by: ["clusterId"], where: { clusterId: { in: ids }, ...(ns ? { namespace: ns } : {}) }, _count: { _all: true } });
  const count = new Map(objects.map((o) => [o.clusterId, o._count._all]));
  const scanOf = new Map(scans.map((s) => [s.clusterId, s]));
  const rules = mappingSources().rules;
  const since = new Date((opts.now ?? new Date()).getTime() - DETECTION_WINDOW_MS);
  const fired = ns ? [] : await db.auditDetection.findMany({ where: { orgId, clusterId: { in: ids }, lastSeen: { gte: since } }, select: { clusterId: true, detectionId: true }, distinct: ["clusterId", "detectionId"] });
  return {
    clusters: clusters.map((c) => {
      const s = scanOf.get(c.id);
      return { id: c.id, name: c.name, scanned: !!s, rulesRun: s?.rulesRun ?? [], gaps: s ? coverageGapsOf(s.coverage, rules) : [], resources: count.get(c.id) ?? 0, auditActive: !!c.auditLastEventAt };
    }),
    findings,
    ...(ns ? { namespace: ns, namespaceKinds: await kindsInNamespace(ids, ns) } : {}),
    detectionsFired: fired,
  };
};

const kindsInNamespace = async (clusterIds: string[], namespace: string) => {
  const rows = await db.inventoryObject.groupBy({ by: ["kind"], where: { clusterId: { in: clusterIds }, namespace } });
  const present = await db.inventoryObject.count({ where: { clusterId: { in: clusterIds }, kind: "Namespace", name: namespace } });
  return new Set([...rows.map((r) => r.kind), ...(present ? ["Namespace"] : [])]);
};

/** The basis of one cluster, cut out of an org-wide basis (snapshots assess every cluster from one load). */
export const basisForCluster = (basis: ScopeBasis, clusterId: string): ScopeBasis => ({
  ...basis,
  clusters: basis.clusters.filter((c) => c.id === clusterId),
  findings: basis.findings.filter((f) => f.clusterId === clusterId),
  detectionsFired: basis.detectionsFired.filter((d) => d.clusterId === clusterId),
});
