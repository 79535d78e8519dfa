import "server-only";
import type pg from "pg";
import type { DetectionRecord } from "@/lib/audit";

export type AllowEntry = { principal: string; detectionId: string | null };

/** The org's allow-list entries that apply to a cluster (entries without a cluster apply to all). */
export const loadAllowList = async (c: pg.ClientBase, orgId: string, clusterId: string): Promise<AllowEntry[]> =>
  (await c.query<AllowEntry>(`select principal, "detectionId" as "detectionId" from "AuditAllowListEntry" where "orgId" = $1 and ("clusterId" is null or "clusterId" = $2)`, [orgId, clusterId])).rows;

// A trailing "*" allows a prefix: "system:serviceaccount:ci:*".
const principalMatches = (pattern: string, principal: string) => (pattern.endsWith("*") ? principal.startsWith(pattern.slice(0, -1)) : pattern === principal);

export const isAllowed = (d: DetectionRecord, entries: readonly AllowEntry[]) =>
  entries.some((e) => principalMatches(e.principal, d.principal) && (!e.detectionId || e.detectionId === d.detectionId));
