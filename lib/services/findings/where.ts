import "server-only";
import type { Ctx } from "@/lib/auth/context";
import type { DbTypes } from "@/lib/db";
import type { TFindingFilters } from "./filters";
import { rulesMatching } from "./text-search";

/** The Prisma filter for an explorer query, always scoped to the caller's organization first. */
export const findingWhere = (ctx: Ctx, f: TFindingFilters): DbTypes.FindingWhereInput => ({
  orgId: ctx.org.id,
  ...(f.cluster ? { clusterId: { in: f.cluster } } : {}),
  ...(f.namespace ? { namespace: { in: f.namespace } } : {}),
  ...(f.severity ? { severity: { in: f.severity } } : {}),
  ...(f.theme ? { theme: { in: f.theme } } : {}),
  ...(f.rule ? { OR: [{ ruleId: { in: f.rule } }, { ruleName: { in: f.rule } }] } : {}),
  ...(f.kind ? { kind: { in: f.kind } } : {}),
  status: f.status ? { in: f.status } : { not: "resolved" },
  ...(f.firstSeenAfter ? { firstSeenAt: { gte: new Date(f.firstSeenAfter) } } : {}),
  ...(f.suppressed === "hide" ? { suppressionId: null } : f.suppressed === "only" ? { suppressionId: { not: null } } : {}),
  ...(f.q ? { AND: [{ OR: [{ name: { contains: f.q, mode: "insensitive" } }, { ruleId: { in: rulesMatching(f.q) } }] }] } : {}),
});

/**
 * The same filter as `findingWhere`, as a parameterized SQL condition on "Finding", for raw queries that Prisma
 * cannot express (the planner's row estimate behind `totalIsEstimate`). Keep the two in step.
 */
export const findingWhereSql = (ctx: Ctx, f: TFindingFilters): { sql: string; params: unknown[] } => {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const parts = [`"orgId" = ${p(ctx.org.id)}`];
  if (f.cluster) parts.push(`"clusterId" = any(${p(f.cluster)}::text[])`);
  if (f.namespace) parts.push(`namespace = any(${p(f.namespace)}::text[])`);
  if (f.severity) parts.push(`severity = any(${p(f.severity)}::"Severity"[])`);
  if (f.theme) parts.push(`theme = any(${p(f.theme)}::text[])`);
  if (f.rule) {
    const rules = p(f.rule);
    parts.push(`("ruleId" = any(${rules}::text[]) or "ruleName" = any(${rules}::text[]))`);
  }
  if (f.kind) parts.push(`kind = any(${p(f.kind)}::text[])`);
  parts.push(f.status ? `status = any(${p(f.status)}::"FindingStatus"[])` : `status <> 'resolved'`);
  if (f.firstSeenAfter) parts.push(`"firstSeenAt" >= ${p(new Date(f.firstSeenAfter))}`);
  if (f.suppressed === "hide") parts.push(`"suppressionId" is null`);
  else if (f.suppressed === "only") parts.push(`"suppressionId" is not null`);
  if (f.q) {
    // As Prisma's `contains`: the text goes between two % unescaped, so % and _ inside it are wildcards there too.
    const like = p(`%${f.q}%`);
    parts.push(`(name ilike ${like} or "ruleId" = any(${p(rulesMatching(f.q))}::text[]))`);
  }
  return { sql: parts.join(" and "), params };
};
