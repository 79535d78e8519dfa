import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db, type DbTypes } from "@/lib/db";
import { ZFindingFilters, type TFindingFilters } from "./filters";
import { serializeFinding } from "./serialize";
import { findingWhere } from "./where";

const SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"] as const;

const orderBy = (f: TFindingFilters): DbTypes.FindingOrderByWithRelationInput[] => {
  // Severity is an enum declared most-severe first, so ascending enum order is "critical first".
  const dir = f.order;
  const flip = dir === "desc" ? "asc" : "desc";
  switch (f.sort) {
    case "severity": return [{ severity: flip }, { lastSeenAt: "desc" }, { id: "asc" }];
    case "firstSeen": return [{ firstSeenAt: dir }, { id: "asc" }];
    case "lastSeen": return [{ lastSeenAt: dir }, { id: "asc" }];
    case "rule": return [{ ruleName: dir }, { severity: "asc" }, { id: "asc" }];
    case "resource": return [{ namespace: dir }, { kind: dir }, { name: dir }, { id: "asc" }];
  }
};

/** One page of the findings explorer, or groups by rule / resource with counts per severity. */
export const listFindings = async ({ ctx, input }: { ctx: Ctx; input: unknown }) => {
  requirePermission(ctx, "findings.read");
  const f = ZFindingFilters.parse(input);
  const where = findingWhere(ctx, f);
  if (f.groupBy !== "none") return { groups: await groupFindings(where, f), filters: f };
  const [total, rows] = await Promise.all([
    db.finding.count({ where }),
    db.finding.findMany({ where, orderBy: orderBy(f), skip: (f.page - 1) * f.pageSize, take: f.pageSize, include: { cluster: { select: { name: true } }, suppression: { select: { id: true, reason: true, expiresAt: true } } } }),
  ]);
  return { items: rows.map(serializeFinding), total, page: f.page, pageSize: f.pageSize, filters: f };
};

const groupFindings = async (where: DbTypes.FindingWhereInput, f: TFindingFilters) => {
  const by = f.groupBy === "rule" ? (["ruleId", "ruleName", "title", "severity"] as const) : (["clusterId", "namespace", "kind", "name", "severity"] as const);
  const rows = await db.finding.groupBy({ by: [...by], where, _count: { _all: true } });
  const groups = new Map<string, { key: Record<string, string>; total: number; bySeverity: Record<string, number> }>();
  for (const r of rows as unknown as Array<Record<string, string> & { _count: { _all: number } }>) {
    const keyFields = Object.fromEntries(by.filter((k) => k !== "severity").map((k) => [k, r[k]]));
    const k = JSON.stringify(keyFields);
    const g = groups.get(k) ?? { key: keyFields, total: 0, bySeverity: {} };
    g.total += r._count._all;
    g.bySeverity[r.severity] = (g.bySeverity[r.severity] ?? 0) + r._count._all;
    groups.set(k, g);
  }
  const worst = (g: { bySeverity: Record<string, number> }) => SEVERITY_ORDER.findIndex((s) => g.bySeverity[s]);
  return [...groups.values()].sort((a, b) => worst(a) - worst(b) || b.total - a.total).slice(0, 500);
};
