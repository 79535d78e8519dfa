import { describe, expect, it } from "vitest";
import { loadFixtureCases } from "./testing/fixtures";
import { RULES } from "./rules";
import { scan } from "./scan";

// One generic test for every rule: each fire fixture yields the rule, each pass fixture does not.
const only = process.env.TOWER_RULE;
const cases = loadFixtureCases().filter((c) => !only || c.rule === only || RULES.find((r) => r.name === c.rule)?.id === only);
const NOW = new Date("2026-06-01T00:00:00Z");

describe("rule fixtures", () => {
  it("every fixture directory belongs to a registered rule", () => {
    const names = new Set(RULES.map((r) => r.name));
    expect(cases.map((c) => c.rule).filter((n) => !names.has(n))).toEqual([]);
  });

  it.each(RULES.filter((r) => !only || r.id === only || r.name === only).map((r) => [r.name, r]))("%s has a fire and a pass fixture", (name) => {
    expect(cases.some((c) => c.rule === name && c.outcome === "fire")).toBe(true);
    expect(cases.some((c) => c.rule === name && c.outcome === "pass")).toBe(true);
  });

  it.each(cases.map((c) => [c.file, c]))("%s", (_file, c) => {
    const rule = RULES.find((r) => r.name === c.rule)!;
    const result = scan({ objects: c.objects, facts: c.facts, now: NOW, rules: [rule], options: { allowedRegistries: ["registry.tower.test/"] } });
    expect(result.stats.ruleErrors).toEqual([]);
    expect(result.stats.rulesTargeted).toContain(rule.id);
    const mine = result.findings.filter((f) => f.ruleId === rule.id);
    if (c.outcome === "pass") {
      expect(mine.map((f) => f.message)).toEqual([]);
      return;
    }
    expect(mine.length).toBeGreaterThan(0);
    if (c.expect?.count !== undefined) expect(mine.length).toBe(c.expect.count);
    if (c.expect?.paths) expect(mine.flatMap((f) => f.evidence.map((e) => e.path)).sort()).toEqual([...c.expect.paths].sort());
  });
});
