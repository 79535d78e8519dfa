import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../lib/report/csv";

// End-to-end tests of `tower report` through ./bin/tower, on the manifests in __fixtures__/report.
const ROOT = path.join(import.meta.dirname, "..", "..");
const FIX = "bin/commands/__fixtures__/report";
const NOW = ["--now", "2025-06-01T00:00:00Z"];
const PDFTOTEXT = "/usr/bin/pdftotext";
let tmp: string;

const tower = (args: string[]) => {
  const r = spawnSync(path.join(ROOT, "bin", "tower"), ["report", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const out = (name: string) => path.join(tmp, name);

type ContractReport = {
  framework: { id: string; name: string; version: string };
  scope: { resources: number };
  score: number;
  controls: Array<{ id: string; title: string; status: string; rules: string[]; failing: Array<Record<string, string>> }>;
};

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tower-report-test-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("tower report", () => {
  let json: ContractReport;
  beforeAll(() => {
    const r = tower([FIX, "--framework", "cis", "--format", "json", "--out", out("r.json"), ...NOW]);
    expect(r.code, r.stderr).toBe(0);
    json = JSON.parse(fs.readFileSync(out("r.json"), "utf8"));
  });

  it("writes JSON in the contract's shape", () => {
    expect(json.framework).toEqual({ id: "cis-1.12", name: "CIS Kubernetes Benchmark", version: "1.12" });
    expect(json.scope.resources).toBe(4);
    expect(typeof json.score).toBe("number");
    for (const c of json.controls) {
      expect(["pass", "fail", "partial", "not-assessable", "not-applicable"]).toContain(c.status);
      expect(Array.isArray(c.rules)).toBe(true);
      for (const f of c.failing) expect(Object.keys(f)).toEqual(expect.arrayContaining(["apiVersion", "kind", "namespace", "name", "ruleId"]));
    }
    const privileged = json.controls.find((c) => c.id === "5.2.2")!;
    expect(privileged.status).toBe("fail");
    expect(privileged.failing.map((f) => f.name)).toEqual(["checkout"]);
    expect(json.controls.find((c) => c.id === "4.2")!.status).toBe("not-assessable");
  });

  it("accepts a versioned framework id and writes JSON to stdout without --out", () => {
    const r = tower([FIX, "--framework", "cis-1.12", "--format", "json", ...NOW]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(json);
  });

  it("writes a CSV with the documented columns, one row per control and failing resource", () => {
    expect(tower([FIX, "--framework", "cis", "--format", "csv", "--out", out("r.csv"), ...NOW]).code).toBe(0);
    const rows = parse(fs.readFileSync(out("r.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    const expected = json.controls.reduce((n, c) => n + Math.max(1, c.failing.length), 0);
    expect(rows).toHaveLength(expected);
  });

  it.runIf(fs.existsSync(PDFTOTEXT))("writes a PDF whose text has the score, every control id and every failing resource", () => {
    const r = tower([FIX, "--framework", "cis", "--format", "pdf", "--out", out("r.pdf"), ...NOW]);
    expect(r.code, r.stderr).toBe(0);
    const text = spawnSync(PDFTOTEXT, [out("r.pdf"), "-"], { encoding: "utf8" }).stdout;
    expect(text).toContain(`Score ${json.score.toFixed(1)}`);
    for (const c of json.controls) expect(text, c.id).toContain(c.id);
    for (const name of new Set(json.controls.flatMap((c) => c.failing.map((f) => f.name)))) expect(text, name).toContain(name);
  });
  if (!fs.existsSync(PDFTOTEXT)) it.skip(`${PDFTOTEXT} is missing: the PDF text check is skipped (install poppler-utils)`, () => {});

  it("reports PSS levels per namespace", () => {
    const r = tower([FIX, "--framework", "pss", "--format", "json", ...NOW]);
    expect(JSON.parse(r.stdout).namespaces).toEqual([expect.objectContaining({ namespace: "shop", level: "privileged" })]);
  });

  it("exports PolicyReports per namespace and a ClusterPolicyReport", () => {
    expect(tower([FIX, "--format", "policyreport", "--out", out("pr.yaml"), ...NOW]).code).toBe(0);
    const docs = parseAllDocuments(fs.readFileSync(out("pr.yaml"), "utf8")).map((d) => d.toJS());
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace ?? ""}`)).toEqual(["PolicyReport/shop", "ClusterPolicyReport/"]);
    const crb = docs[1].results.find((x: { policy: string }) => x.policy === "TWR-0301");
    expect(crb).toMatchObject({ result: "fail", resources: [{ kind: "ClusterRoleBinding", name: "ops-admin" }] });
    expect(parseYaml(fs.readFileSync(out("pr.yaml"), "utf8").split("---\n")[1]).summary.fail).toBe(docs[0].results.length);
  });

  it.each([
    [["--framework", "iso", "--format", "json"], /unknown --framework 'iso'/],
    [["--framework", "cis", "--format", "docx"], /--format must be one of/],
    [["--framework", "cis", "--format", "pdf"], /--format pdf needs --out/],
    [["--format", "json"], /--framework is required/],
  ])("exits 2 with a one-line error for %j", (args, message) => {
    const r = tower([FIX, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(message);
  });

  it("exits 2 when no input can be read", () => {
    const r = tower(["does-not-exist.yaml", "--framework", "cis", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist\.yaml/);
  });
});
