import { describe, expect, it } from "vitest";
import { jsonChunks } from "./json";
import type { ScanReport } from "./report";

describe("jsonChunks", () => {
  it("joins to exactly JSON.stringify(report, null, 2)", () => {
    const finding = { ruleId: "TWR-0101", severity: "critical", message: 'a "quoted"\nline', resource: { kind: "Pod", name: "p" }, refs: { cis: ["5.2.2"] }, evidence: [{ path: "spec", value: [1, { a: null }] }] };
    const report = {
      findings: [finding, { ...finding, ruleId: "TWR-0102" }],
      summary: { resources: 1, findings: 2, bySeverity: { critical: 2, high: 0, medium: 0, low: 0, info: 0 } },
      errors: [],
      suppressed: [],
      new: undefined,
      rulesTargeted: ["TWR-0101"],
    } as unknown as ScanReport;
    expect([...jsonChunks(report)].join("")).toBe(JSON.stringify(report, null, 2) + "\n");
  });
});
