import "server-only";
import { kindOfResource, kindsReadBy } from "@/lib/compliance/targets";
import type { CoverageGap, RuleInfo } from "@/lib/compliance/types";

type CoverageEntry = { resource: string; status: string; message?: string };

const asEntries = (coverage: unknown): CoverageEntry[] =>
  Array.isArray(coverage) ? coverage.filter((c): c is CoverageEntry => !!c && typeof c === "object" && typeof (c as CoverageEntry).resource === "string") : [];

/** A scan's coverage names resources (`networkpolicies.networking.k8s.io`); the assessment needs the kinds rules read. */
export const coverageGapsOf = (coverage: unknown, rules: readonly RuleInfo[]): CoverageGap[] => {
  const known = new Set(rules.flatMap((r) => kindsReadBy(r)));
  const gaps = new Map<string, CoverageGap>();
  for (const c of asEntries(coverage)) {
    if (c.status === "ok") continue;
    const kind = kindOfResource(c.resource, known) ?? c.resource;
    if (!gaps.has(kind)) gaps.set(kind, { kind, reason: `could not list ${c.resource} (${c.status}${c.message ? `: ${c.message}` : ""})` });
  }
  return [...gaps.values()];
};
