import "server-only";
import type { DbTypes } from "@/lib/db";
import type { TFindingFilters } from "./filters";

/*
 * Ties on a timestamp are common (a scan writes its findings with one now()), so the id that breaks them runs in
 * the same direction: one (orgId, <timestamp>, id) index then serves both directions without sorting a tie group.
 * Sorting by rule likewise reverses the whole (ruleName, severity, lastSeenAt, id) order of its index.
 */
export const orderBy = (f: TFindingFilters): DbTypes.FindingOrderByWithRelationInput[] => {
  // Severity is an enum declared most-severe first, so ascending enum order is "critical first".
  const dir = f.order;
  const flip = dir === "desc" ? "asc" : "desc";
  switch (f.sort) {
    case "severity": return [{ severity: flip }, { lastSeenAt: "desc" }, { id: "asc" }];
    case "firstSeen": return [{ firstSeenAt: dir }, { id: dir }];
    case "lastSeen": return [{ lastSeenAt: dir }, { id: dir }];
    case "rule": return [{ ruleName: dir }, { severity: dir }, { lastSeenAt: flip }, { id: dir }];
    case "resource": return [{ namespace: dir }, { kind: dir }, { name: dir }, { id: "asc" }];
  }
};

/** The same order as `orderBy`, in SQL. */
export const orderSql = (f: TFindingFilters) => {
  const dir = f.order === "desc" ? "desc" : "asc";
  const flip = dir === "desc" ? "asc" : "desc";
  switch (f.sort) {
    case "severity": return `severity ${flip}, "lastSeenAt" desc, id asc`;
    case "firstSeen": return `"firstSeenAt" ${dir}, id ${dir}`;
    case "lastSeen": return `"lastSeenAt" ${dir}, id ${dir}`;
    case "rule": return `"ruleName" ${dir}, severity ${dir}, "lastSeenAt" ${flip}, id ${dir}`;
    case "resource": return `namespace ${dir}, kind ${dir}, name ${dir}, id asc`;
  }
};

/** The columns `orderSql` reads: all that a subquery must select for its rows to be merged in that order. */
export const SORT_COLUMNS: Record<TFindingFilters["sort"], string> = {
  severity: `severity, "lastSeenAt", id`,
  firstSeen: `"firstSeenAt", id`,
  lastSeen: `"lastSeenAt", id`,
  rule: `"ruleName", severity, "lastSeenAt", id`,
  resource: `namespace, kind, name, id`,
};

/** Whether one rule's findings come in this order from the (orgId, ruleName, severity, lastSeenAt desc, id) index. */
export const isRuleIndexOrder = (f: TFindingFilters) => f.sort === "rule" || (f.sort === "severity" && f.order === "desc");
