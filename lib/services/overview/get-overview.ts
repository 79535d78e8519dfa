import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { emptyCounts, openCountsByCluster } from "../clusters/list-clusters";
import { assessStoredScope, frameworkOrThrow } from "../posture/assess-scope";
import { ZFrameworkKey } from "../posture/scope";
import { serializeSummary } from "../posture/serialize";
import { coverageProblems } from "./coverage-problems";
import { riskiestClusters, riskiestNamespaces, topRules } from "./risk";
import { findingsTrend, scoreTrend } from "./trends";

export const ZOverviewQuery = z.object({ range: z.enum(["30", "90"]).default("30"), framework: ZFrameworkKey.default("cis") });

const openIncidents = async (orgId: string) => {
  const where = { orgId, status: { in: ["open" as const, "investigating" as const] } };
  const [count, items] = await Promise.all([
    db.incident.count({ where }),
    db.incident.findMany({ where, orderBy: [{ severity: "asc" }, { lastSeen: "desc" }], take: 5, select: { id: true, title: true, severity: true, status: true, principal: true, lastSeen: true, cluster: { select: { name: true } } } }),
  ]);
  return { count, items: items.map((i) => ({ id: i.id, title: i.title, severity: i.severity, status: i.status, principal: i.principal, cluster: i.cluster.name, lastSeen: i.lastSeen.toISOString() })) };
};

/** The Overview page in one call: fleet score and its history, findings over time, where the risk is, what Tower cannot see. */
export const getOverview = async ({ ctx, input }: { ctx: Ctx; input: unknown }) => {
  requirePermission(ctx, "compliance.read");
  const { range, framework } = ZOverviewQuery.parse(input);
  const days = Number(range);
  const now = new Date();
  const orgId = ctx.org.id;
  const clusters = await db.cluster.findMany({ where: { orgId }, orderBy: { name: "asc" }, select: { id: true, name: true, environment: true, status: true, statusReason: true, scanIntervalMinutes: true, lastScanAt: true, lastGoodScanAt: true, createdAt: true } });
  const fw = frameworkOrThrow(framework);
  const scanned = clusters.some((c) => c.lastGoodScanAt);
  const live = scanned ? serializeSummary((await assessStoredScope(orgId, fw, {}, now)).assessment) : null;
  const [trend, findings, counts, riskyClusters, riskyNamespaces, rules, incidents] = await Promise.all([
    scoreTrend(orgId, fw.key, days, now, live?.score ?? null),
    findingsTrend(orgId, days, now),
    openCountsByCluster(orgId),
    riskiestClusters(orgId, clusters),
    riskiestNamespaces(orgId, new Map(clusters.map((c) => [c.id, c.name]))),
    topRules(orgId),
    openIncidents(orgId),
  ]);
  const openNow = emptyCounts();
  for (const c of counts.values()) for (const k of Object.keys(openNow) as Array<keyof typeof openNow>) openNow[k] += c[k];
  return {
    generatedAt: now.toISOString(),
    range: days,
    clusters: { total: clusters.length, scanned: clusters.filter((c) => c.lastGoodScanAt).length },
    posture: { framework: { key: fw.key, id: fw.id, name: fw.name }, current: live, trend },
    findings: { ...findings, openNow },
    riskiestClusters: riskyClusters,
    riskiestNamespaces: riskyNamespaces,
    topRules: rules,
    incidents,
    coverageProblems: coverageProblems(clusters, now),
  };
};
