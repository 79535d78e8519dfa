import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { assessFramework } from "../compliance/assess";
import type { ComplianceFinding, Framework, RuleInfo } from "../compliance/types";
import { CSV_COLUMNS, csvField, renderCsv } from "./csv";
import { buildReportDocument } from "./document";
import { toReportJson } from "./json";
import { renderPdf } from "./pdf";

const framework: Framework = {
  id: "cis-test", key: "cis", name: "Test benchmark", version: "1", source: "crafted",
  controls: [
    { id: "5.2.2", title: "Privileged, with \"quotes\"", section: "5.2", assessable: "yes", notes: "" },
    { id: "5.2.3", title: "Host PID", section: "5.2", assessable: "yes", notes: "" },
  ],
};
const rules: RuleInfo[] = [
  { id: "R1", title: "Privileged container", severity: "critical", description: "", remediation: "Remove privileged.", refs: { cis: ["5.2.2"] }, type: "pod" },
  { id: "R2", title: "Host PID", severity: "high", description: "", remediation: "Remove hostPID.", refs: { cis: ["5.2.3"] }, type: "pod" },
];
const findings = (n: number): ComplianceFinding[] =>
  Array.from({ length: n }, (_, i) => ({ ruleId: "R1", resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "ns", name: `web-${i}` }, message: `line one, "two"\nthree` }));

const docFor = (n: number, resources = 10) =>
  buildReportDocument({
    assessment: assessFramework({ framework, findings: findings(n), rulesRun: ["R1", "R2"], scope: { resources }, sources: { rules, detections: [] }, now: new Date("2025-06-01T00:00:00Z") }),
    frameworkKey: "cis", frameworkSource: framework.source, rules,
  });

describe("report rendering", () => {
  it("JSON has the contract's keys and remediation for failing controls", () => {
    const json = toReportJson(docFor(2));
    expect(Object.keys(json).slice(0, 4)).toEqual(["framework", "scope", "score", "controls"]);
    expect(Object.keys(json.controls[0]).slice(0, 5)).toEqual(["id", "title", "status", "rules", "failing"]);
    expect(json.controls[0].remediation).toEqual([{ ruleId: "R1", title: "Privileged container", severity: "critical", text: "Remove privileged." }]);
    expect(json.score).toBe(50);
  });

  it("CSV quotes per RFC 4180 and has one row per control and failing resource", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("plain")).toBe("plain");
    const rows = parse(renderCsv(docFor(3)), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ control_id: "5.2.2", control_title: 'Privileged, with "quotes"', status: "fail", name: "web-0", message: 'line one, "two"\nthree' });
    expect(rows[3]).toMatchObject({ control_id: "5.2.3", status: "pass", name: "" });
  });

  it("PDF pages grow with failing resources, not with the number of objects", async () => {
    const small = await renderPdf(docFor(10, 10));
    const manyObjects = await renderPdf(docFor(10, 1_000_000));
    const manyFailing = await renderPdf(docFor(1000, 10));
    expect(small.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(manyObjects.pages).toBe(small.pages);
    expect(manyFailing.pages).toBeGreaterThan(small.pages + 5);
  });

  const pdftotext = "/usr/bin/pdftotext";
  it.runIf(fs.existsSync(pdftotext))("PDF text carries the score, controls and failing resources", async () => {
    const { pdf } = await renderPdf(docFor(3));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tower-pdf-")), "r.pdf");
    fs.writeFileSync(file, pdf);
    const text = spawnSync(pdftotext, [file, "-"], { encoding: "utf8" }).stdout;
    for (const s of ["Score 50.0", "5.2.2", "5.2.3", "web-0", "web-2", "Remove privileged."]) expect(text).toContain(s);
  });
  if (!fs.existsSync(pdftotext)) it.skip("pdftotext is not installed at /usr/bin/pdftotext: PDF text checks skipped", () => {});
});
