import "server-only";
import type { Ctx } from "@/lib/auth/context";
import type { DbTypes } from "@/lib/db";
import type { TFindingFilters } from "./filters";

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
  ...(f.q ? { AND: [{ OR: [{ message: { contains: f.q, mode: "insensitive" } }, { name: { contains: f.q, mode: "insensitive" } }, { ruleName: { contains: f.q, mode: "insensitive" } }] }] } : {}),
});
