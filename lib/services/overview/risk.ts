import "server-only";
import { db } from "@/lib/db";
import { SEVERITIES, type Severity } from "@/lib/scanner/types";
import { emptyCounts, openCountsByCluster } from "../clusters/list-clusters";
import { postureScore } from "../clusters/posture-score";
import type { TSeverityCounts } from "../clusters/serialize";

/** Worst first: more criticals wins, then more highs, and so on. */
const byRisk = (a: TSeverityCounts, b: TSeverityCounts) => {
  for (const s of SEVERITIES) if (a[s] !== b[s]) return b[s] - a[s];
  return 0;
};
const total = (c: TSeverityCounts) => SEVERITIES.reduce((n, s) => n + c[s], 0);
const OPEN = { status: { not: "resolved" as const }, suppressionId: null };

export const riskiestClusters = async (orgId: string, clusters: Array<{ id: string; name: string; environment: string; lastGoodScanAt: Date | null }>, limit = 5) => {
  const counts = await openCountsByCluster(orgId);
  const objects = await db.inventoryObject.groupBy({ by: ["clusterId"], where: { clusterId: { in: clusters.map((c) => c.id) } }, _count: { _all: true } });
  const objectCount = new Map(objects.map((o) => [o.clusterId, o._count._all]));
  return clusters
    .map((c) => {
      const findings = counts.get(c.id) ?? emptyCounts();
      return { id: c.id, name: c.name, environment: c.environment, findings, open: total(findings), score: c.lastGoodScanAt ? postureScore(findings, objectCount.get(c.id) ?? 0) : null };
    })
    .sort((a, b) => byRisk(a.findings, b.findings) || a.name.localeCompare(b.name))
    .slice(0, limit);
};

export const riskiestNamespaces = async (orgId: string, clusterNames: Map<string, string>, limit = 8) => {
  const rows = await db.finding.groupBy({ by: ["clusterId", "namespace", "severity"], where: { orgId, ...OPEN }, _count: { _all: true } });
  const map = new Map<string, { clusterId: string; cluster: string; namespace: string; findings: TSeverityCounts }>();
  for (const r of rows) {
    const key = `${r.clusterId}\u0000${r.namespace}`;
    const e = map.get(key) ?? { clusterId: r.clusterId, cluster: clusterNames.get(r.clusterId) ?? "?", namespace: r.namespace, findings: emptyCounts() };
    e.findings[r.severity] += r._count._all;
    map.set(key, e);
  }
  return [...map.values()].sort((a, b) => byRisk(a.findings, b.findings)).slice(0, limit).map((e) => ({ ...e, open: total(e.findings) }));
};

export const topRules = async (orgId: string, limit = 8) => {
  const rows = await db.finding.groupBy({ by: ["ruleId", "ruleName", "title", "severity"], where: { orgId, ...OPEN }, _count: { _all: true } });
  const byRule = new Map<string, { ruleId: string; ruleName: string; title: string; severity: string; open: number; clusters?: number }>();
  for (const r of rows) {
    const e = byRule.get(r.ruleId) ?? { ruleId: r.ruleId, ruleName: r.ruleName, title: r.title, severity: r.severity, open: 0 };
    e.open += r._count._all;
    byRule.set(r.ruleId, e);
  }
  const rank = (s: string) => SEVERITIES.indexOf(s as Severity);
  return [...byRule.values()].sort((a, b) => rank(a.severity) - rank(b.severity) || b.open - a.open).slice(0, limit);
};
