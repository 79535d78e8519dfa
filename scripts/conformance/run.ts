import type { Rule } from "@/lib/scanner/define-rule";
import { scan } from "@/lib/scanner/scan";
import { entryIds, loadEntryObjects, normaliseId, PEER_REF_KEY, type CorpusEntry } from "./corpus";

export type CaseOutcome = { entry: CorpusEntry; rule: Rule; agreed: boolean; fired: boolean; reason?: string };

const NOW = new Date("2026-06-01T00:00:00Z");

/** Rules that claim the entry's peer check in their refs. */
export const rulesClaiming = (e: CorpusEntry, rules: readonly Rule[]): Rule[] => {
  const key = PEER_REF_KEY[e.peer];
  if (!key) return [];
  const ids = new Set(entryIds(e).map(normaliseId));
  return rules.filter((r) => (r.refs[key] ?? []).some((id) => ids.has(normaliseId(id))));
};

/** Deliberate disagreements: entry key -> reason. Keep each reason specific and true. */
export type Disagreements = Record<string, string>;
export const entryKey = (e: CorpusEntry) => `${e.peer}:${e.peer_check_id}:${e.case ?? ""}:${e.files.join("+")}:${e.expect}`;

export const runConformance = (entries: CorpusEntry[], rules: readonly Rule[]): CaseOutcome[] => {
  const out: CaseOutcome[] = [];
  for (const entry of entries) {
    if (entry.expect !== "fire" && entry.expect !== "pass") continue;
    const claiming = rulesClaiming(entry, rules);
    if (!claiming.length) continue;
    const objects = loadEntryObjects(entry);
    const result = scan({ objects, now: NOW, rules: claiming });
    // A peer check maps to one or more Tower rules: the case fires if any claiming rule fires.
    const fired = result.findings.length > 0;
    for (const rule of claiming) out.push({ entry, rule, fired, agreed: fired === (entry.expect === "fire") });
  }
  return out;
};
