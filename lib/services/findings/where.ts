import "server-only";
import type { Ctx } from "@/lib/auth/context";
import type { DbTypes } from "@/lib/db";
import type { TFindingFilters } from "./filters";
import { resolveRuleFilter } from "./rule-filter";
import { ruleNamesMatching } from "./text-search";

const ruleWhere = (values: string[]): DbTypes.FindingWhereInput => {
  const { names, unknown } = resolveRuleFilter(values);
  if (!unknown.length) return { ruleName: { in: names } };
  return { OR: [{ ruleName: { in: [...names, ...unknown] } }, { ruleId: { in: unknown } }] };
};

/** The Prisma filter for an explorer query, always scoped to the caller's organization first. */
export const findingWhere = (ctx: Ctx, f: TFindingFilters): DbTypes.FindingWhereInput => ({
  orgId: ctx.org.id,
  ...(f.cluster ? { clusterId: { in: f.cluster } } : {}),
  ...(f.namespace ? { namespace: { in: f.namespace } } : {}),
  ...(f.severity ? { severity: { in: f.severity } } : {}),
  ...(f.theme ? { theme: { in: f.theme } } : {}),
  ...(f.rule ? ruleWhere(f.rule) : {}),
  ...(f.kind ? { kind: { in: f.kind } } : {}),
  status: f.status ? { in: f.status } : { not: "resolved" },
  ...(f.firstSeenAfter ? { firstSeenAt: { gte: new Date(f.firstSeenAfter) } } : {}),
  ...(f.suppressed === "hide" ? { suppressionId: null } : f.suppressed === "only" ? { suppressionId: { not: null } } : {}),
  ...(f.q ? { AND: [{ OR: [{ name: { contains: f.q, mode: "insensitive" } }, { ruleName: { in: ruleNamesMatching(f.q) } }] }] } : {}),
});

/**
 * The same filter as `findingWhere`, as a parameterized SQL condition on "Finding", for raw queries that Prisma
 * cannot express (capped counts, row estimates, groups). Keep the two in step. Its conditions name only columns that
 * "FindingCount" also has when namespace, kind, q and firstSeenAfter are unset and suppressed is "include".
 */
export const findingWhereSql = (ctx: Ctx, f: TFindingFilters): { sql: string; params: unknown[] } => {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  // One value as `=`, as Prisma writes `in` with one value: the planner estimates `= any(array)` more coarsely.
  const oneOf = (column: string, values: unknown[], type: string) => (values.length === 1 ? `${column} = ${p(values[0])}::${type}` : `${column} = any(${p(values)}::${type}[])`);
  const parts = [`"orgId" = ${p(ctx.org.id)}`];
  if (f.cluster) parts.push(oneOf(`"clusterId"`, f.cluster, "text"));
  if (f.namespace) parts.push(oneOf("namespace", f.namespace, "text"));
  if (f.severity) parts.push(oneOf("severity", f.severity, `"Severity"`));
  if (f.theme) parts.push(oneOf("theme", f.theme, "text"));
  if (f.rule) {
    const { names, unknown } = resolveRuleFilter(f.rule);
    const byName = oneOf(`"ruleName"`, [...names, ...unknown], "text");
    parts.push(unknown.length ? `(${byName} or ${oneOf(`"ruleId"`, unknown, "text")})` : byName);
  }
  if (f.kind) parts.push(oneOf("kind", f.kind, "text"));
  parts.push(f.status ? oneOf("status", f.status, `"FindingStatus"`) : `status <> 'resolved'`);
  if (f.firstSeenAfter) parts.push(`"firstSeenAt" >= ${p(new Date(f.firstSeenAfter))}`);
  if (f.suppressed === "hide") parts.push(`"suppressionId" is null`);
  else if (f.suppressed === "only") parts.push(`"suppressionId" is not null`);
  if (f.q) {
    // As Prisma's `contains`: the text goes between two % unescaped, so % and _ inside it are wildcards there too.
    const like = p(`%${f.q}%`);
    parts.push(`(name ilike ${like} or "ruleName" = any(${p(ruleNamesMatching(f.q))}::text[]))`);
  }
  return { sql: parts.join(" and "), params };
};
