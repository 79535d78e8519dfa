import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// End-to-end tests of `tower scan` and `tower rules` through ./bin/tower, on inputs in __fixtures__/.
const ROOT = path.join(import.meta.dirname, "..", "..");
const FIX = "bin/commands/__fixtures__";
const ONLY = ["--rules", "TWR-0101"];
let tmp: string;

const tower = (args: string[], input?: string) => {
  const started = performance.now();
  const r = spawnSync(path.join(ROOT, "bin", "tower"), args, { cwd: ROOT, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
};
const json = (args: string[], input?: string) => {
  const r = tower([...args, "--format", "json"], input);
  return { ...r, out: JSON.parse(r.stdout) };
};

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tower-scan-test-"));
  // Deep documents are generated: 1000 levels of block YAML would be a 1 MB fixture.
  fs.writeFileSync(path.join(tmp, "deep.yaml"), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  k: ${"[".repeat(1000)}${"]".repeat(1000)}\n`);
  let block = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n";
  for (let i = 1; i <= 1000; i++) block += `${"  ".repeat(i)}k${i}:\n`;
  fs.writeFileSync(path.join(tmp, "deep-block.yaml"), block + `${"  ".repeat(1001)}v\n`);
  fs.writeFileSync(path.join(tmp, "deep.json"), `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"d"},"data":${"[".repeat(1000)}${"]".repeat(1000)}}`);
  // node_modules is git-ignored, so the directory the walker must skip is made here.
  fs.cpSync(path.join(ROOT, FIX, "manifests"), path.join(tmp, "manifests"), { recursive: true });
  fs.mkdirSync(path.join(tmp, "manifests", "node_modules", "pkg"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, FIX, "manifests", ".hidden", "ignored.yaml"), path.join(tmp, "manifests", "node_modules", "pkg", "ignored.yaml"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A minimal XML well-formedness check: one root, balanced tags, quoted attributes, known entities. */
const checkXml = (xml: string): string[] => {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  let roots = 0;
  const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(re)) {
    const [, close, name, , selfClose, text, stray] = m;
    if (stray) problems.push(`stray '<' at ${m.index}`);
    else if (text !== undefined) {
      if (!stack.length && text.trim()) problems.push("text outside the root element");
      for (const ent of text.matchAll(/&([^;\s]*);?/g)) if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+)$/i.test(ent[1]) || !ent[0].endsWith(";")) problems.push(`bad entity ${ent[0]}`);
    } else if (close) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else {
      if (!stack.length) roots++;
      for (const ent of (m[3] ?? "").matchAll(/&([^;"]*);?/g)) if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+)$/i.test(ent[1])) problems.push(`bad entity in attribute ${ent[0]}`);
      if (!selfClose) stack.push(name);
    }
  }
  if (stack.length) problems.push(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) problems.push("control character");
  return problems;
};

describe("tower rules", () => {
  it("lists every rule with the contract's fields and short themes", () => {
    const r = json(["rules"]);
    expect(r.code).toBe(0);
    expect(r.out.rules.length).toBeGreaterThan(0);
    for (const rule of r.out.rules) {
      expect(Object.keys(rule).slice(0, 5)).toEqual(["id", "title", "severity", "theme", "refs"]);
      expect(["critical", "high", "medium", "low", "info"]).toContain(rule.severity);
      expect(["workload", "rbac", "secrets", "network", "ingress", "istio", "operators", "images", "cluster", "reports"]).toContain(rule.theme);
      expect(rule.libraryTheme).toBeTruthy();
      for (const ids of Object.values(rule.refs)) expect(Array.isArray(ids)).toBe(true);
    }
    expect(r.out.rules.find((x: { id: string }) => x.id === "TWR-0101")).toMatchObject({ name: "privileged-container", theme: "workload", libraryTheme: "pod-hardening" });
  });

  it("prints a table and rejects unknown formats", () => {
    expect(tower(["rules"]).stdout).toMatch(/TWR-0101\s+critical\s+workload/);
    expect(tower(["rules", "--format", "xml"]).code).toBe(2);
  });
});

describe("tower scan: inputs", () => {
  it("recurses directories (yaml, yml, json), skipping hidden directories, node_modules and other extensions; expands multi-doc and List", () => {
    const r = json(["scan", path.join(tmp, "manifests"), ...ONLY]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/ignored/);
    const names = r.out.findings.map((f: { resource: { name: string } }) => f.resource.name).sort();
    expect(names).toEqual(["debug", "web"]);
    expect(r.out.summary).toMatchObject({ resources: 4, findings: 2, skippedDocuments: 1, files: 2, bySeverity: { critical: 2, high: 0, medium: 0, low: 0, info: 0 } });
    const web = r.out.findings.find((f: { resource: { name: string } }) => f.resource.name === "web");
    expect(web).toMatchObject({ ruleId: "TWR-0101", severity: "critical", resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", line: 2 } });
    expect(web.resource.file).toBe(path.join(tmp, "manifests", "web.yaml"));
    expect(web.refs.cis).toContain("5.2.2");
  });

  it("keeps the file path as given", () => {
    const r = json(["scan", `${FIX}/manifests/web.yaml`, ...ONLY]);
    expect(r.out.findings[0].resource.file).toBe(`${FIX}/manifests/web.yaml`);
  });

  it("reads stdin with -", () => {
    const r = json(["scan", "-", ...ONLY], fs.readFileSync(path.join(ROOT, FIX, "manifests", "web.yaml"), "utf8"));
    expect(r.code).toBe(0);
    expect(r.out.findings).toHaveLength(1);
    expect(r.out.findings[0].resource.file).toBe("<stdin>");
  });

  it("reports invalid YAML with file and line and still scans the other files", () => {
    const r = json(["scan", `${FIX}/bad/invalid.yaml`, `${FIX}/manifests/web.yaml`, ...ONLY]);
    expect(r.code).toBe(0);
    expect(r.out.findings).toHaveLength(1);
    expect(r.out.errors).toEqual([expect.objectContaining({ file: `${FIX}/bad/invalid.yaml`, line: expect.any(Number), message: expect.any(String) })]);
    expect(r.out.errors[0].line).toBeGreaterThanOrEqual(6);
    expect(r.stderr).toContain(`${FIX}/bad/invalid.yaml:${r.out.errors[0].line}`);
  });

  it("rejects an alias bomb quickly", () => {
    const r = json(["scan", `${FIX}/bad/alias-bomb.yaml`, `${FIX}/manifests/web.yaml`, ...ONLY]);
    expect(r.code).toBe(0);
    expect(r.out.errors[0]).toMatchObject({ file: `${FIX}/bad/alias-bomb.yaml` });
    expect(r.out.errors[0].message).toMatch(/alias/i);
    expect(r.ms).toBeLessThan(15_000);
  });

  it("rejects 1000-level deep documents (flow YAML, block YAML, JSON) with a message", () => {
    const files = ["deep.yaml", "deep-block.yaml", "deep.json"].map((f) => path.join(tmp, f));
    const r = json(["scan", ...files, `${FIX}/manifests/web.yaml`, ...ONLY]);
    expect(r.code).toBe(0);
    expect(r.out.errors.map((e: { file: string }) => e.file)).toEqual(files);
    for (const e of r.out.errors) expect(e.message).toMatch(/nested|deep/i);
    expect(r.ms).toBeLessThan(15_000);
  });

  it("skips a file over --max-file-size with a message", () => {
    const r = json(["scan", `${FIX}/manifests`, "--max-file-size", "500", ...ONLY]);
    expect(r.out.errors).toEqual([expect.objectContaining({ file: `${FIX}/manifests/nested/multi.yaml`, message: expect.stringMatching(/over the --max-file-size limit of 500 bytes; skipped/) })]);
    expect(r.out.findings.map((f: { resource: { name: string } }) => f.resource.name)).toEqual(["web"]);
    expect(tower(["scan", "-", "--max-file-size", "10", ...ONLY], "x".repeat(100)).stderr).toMatch(/<stdin>: .*over the --max-file-size/);
  });

  it("counts documents that are not Kubernetes objects, and exits 2 when nothing is left to check", () => {
    const r = json(["scan", `${FIX}/not-kubernetes.yaml`]);
    expect(r.code).toBe(2);
    expect(r.out.summary.skippedDocuments).toBe(2);
    expect(r.stderr).toMatch(/no Kubernetes objects/);
  });

  it("exits 2 when no object is recognised by any rule", () => {
    const r = json(["scan", `${FIX}/unrecognised.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no object was recognised by any rule.*Widget.*not a clean pass/);
  });

  it("exits 2 when no input can be read", () => {
    const missing = tower(["scan", "does/not/exist.yaml", "--format", "json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does\/not\/exist\.yaml: no such file or directory/);
    expect(tower(["scan", `${FIX}/bad`, "--format", "json"]).code).toBe(2);
    expect(tower(["scan", "--format", "json"]).code).toBe(2);
  });

  it("exits 2 on bad usage", () => {
    expect(tower(["scan", `${FIX}/manifests`, "--format", "xml"]).code).toBe(2);
    expect(tower(["scan", `${FIX}/manifests`, "--fail-on", "urgent"]).code).toBe(2);
    const unknown = tower(["scan", `${FIX}/manifests`, "--rules", "TWR-9999"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown rule 'TWR-9999'/);
  });
});

describe("tower scan: exit codes and --fail-on", () => {
  it("0 without --fail-on, 1 at or above the threshold, 0 below it", () => {
    expect(tower(["scan", `${FIX}/manifests/web.yaml`, ...ONLY, "--format", "json"]).code).toBe(0);
    expect(tower(["scan", `${FIX}/manifests/web.yaml`, ...ONLY, "--format", "json", "--fail-on", "high"]).code).toBe(1);
    expect(tower(["scan", `${FIX}/manifests/web.yaml`, ...ONLY, "--format", "json", "--fail-on", "critical"]).code).toBe(1);
    const clean = tower(["scan", `${FIX}/manifests/nested/multi.yaml`, ...ONLY, "--format", "json", "--fail-on", "critical", "--exceptions", `${FIX}/exceptions.yaml`, "--now", "2019-06-01"]);
    expect(clean.code).toBe(0);
  });

  it("writes to --output and keeps stdout empty", () => {
    const out = path.join(tmp, "result.json");
    const r = tower(["scan", `${FIX}/manifests/web.yaml`, ...ONLY, "--format", "json", "--output", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(fs.readFileSync(out, "utf8")).findings).toHaveLength(1);
  });
});

describe("tower scan: exceptions", () => {
  it("suppresses by file entry and by annotation, counts them, and reports expired ones", () => {
    const r = json(["scan", `${FIX}/manifests`, `${FIX}/annotated.yaml`, ...ONLY, "--exceptions", `${FIX}/exceptions.yaml`, "--now", "2026-06-01"]);
    expect(r.code).toBe(0);
    expect(r.out.summary.suppressed).toBe(2);
    expect(r.out.suppressed.map((s: { resource: { name: string }; suppression: { source: string } }) => [s.resource.name, s.suppression.source]).sort()).toEqual([
      ["cni-agent", "annotation"],
      ["web", "exceptions-file"],
    ]);
    expect(r.out.findings.map((f: { resource: { name: string } }) => f.resource.name).sort()).toEqual(["debug", "old-debug"]);
    expect(r.out.expiredExceptions.map((e: { source: string }) => e.source).sort()).toEqual(["annotation", "exceptions-file"]);
    expect(r.stderr).toMatch(/expired exception \(exceptions-file entry 1\) for TWR-0101/);
    expect(r.stderr).toMatch(/expired exception \(annotation\)/);
  });

  it("names the bad entry of an invalid exceptions file", () => {
    const r = tower(["scan", `${FIX}/manifests`, "--exceptions", `${FIX}/exceptions-bad.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exceptions\[1\]\.reason/);
  });
});

describe("tower scan: baseline", () => {
  it("reports new and fixed findings and fails only on new ones", () => {
    const baselineFile = path.join(tmp, "baseline.json");
    const first = tower(["scan", `${FIX}/manifests/web.yaml`, `${FIX}/annotated.yaml`, ...ONLY, "--format", "json", "--output", baselineFile]);
    expect(first.code).toBe(0);
    // Same findings: nothing new, --fail-on passes although critical findings remain.
    const same = json(["scan", `${FIX}/manifests/web.yaml`, `${FIX}/annotated.yaml`, ...ONLY, "--baseline", baselineFile, "--fail-on", "high"]);
    expect(same.code).toBe(0);
    expect(same.out).toMatchObject({ new: [], fixed: [], summary: { new: 0, fixed: 0 } });
    // web.yaml fixed, multi.yaml brings a new privileged pod.
    const next = json(["scan", `${FIX}/manifests/nested/multi.yaml`, `${FIX}/annotated.yaml`, ...ONLY, "--baseline", baselineFile, "--fail-on", "high"]);
    expect(next.code).toBe(1);
    expect(next.out.new.map((f: { resource: { name: string } }) => f.resource.name)).toEqual(["debug"]);
    expect(next.out.fixed.map((f: { resource: { name: string } }) => f.resource.name)).toEqual(["web"]);
    const table = tower(["scan", `${FIX}/manifests/nested/multi.yaml`, `${FIX}/annotated.yaml`, ...ONLY, "--baseline", baselineFile, "--format", "table"]);
    expect(table.stdout).toMatch(/New findings \(1\)[\s\S]*debug[\s\S]*Fixed since the baseline \(1\)[\s\S]*web/);
  });

  it("rejects a baseline that is not a scan result", () => {
    const bad = path.join(tmp, "not-baseline.json");
    fs.writeFileSync(bad, JSON.stringify({ rules: [] }));
    const r = tower(["scan", `${FIX}/manifests`, "--baseline", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--baseline .*not a tower scan JSON result/);
  });
});

describe("tower scan: output formats", () => {
  it("SARIF 2.1.0 has what GitHub code scanning requires", () => {
    const r = tower(["scan", `${FIX}/manifests`, `${FIX}/annotated.yaml`, `${FIX}/bad/invalid.yaml`, "--format", "sarif"]);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toMatch(/sarif.*2\.1\.0.*\.json$/);
    expect(sarif.runs).toHaveLength(1);
    const driver = sarif.runs[0].tool.driver;
    expect(driver.name).toBe("Tower");
    expect(driver.rules.length).toBeGreaterThan(0);
    for (const rule of driver.rules) {
      expect(rule.id).toMatch(/^TWR-\d{4}$/);
      expect(rule.name).toBeTruthy();
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toBeTruthy();
      expect(rule.help.text).toBeTruthy();
      expect(Number(rule.properties["security-severity"])).toBeGreaterThan(0);
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
    }
    const results = sarif.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const res of results) {
      expect(driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(["error", "warning", "note", "none"]).toContain(res.level);
      expect(res.message.text).toBeTruthy();
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^bin\/commands\/__fixtures__\/[\w./-]+\.yaml$/);
      expect(Number.isInteger(loc.region.startLine) && loc.region.startLine >= 1).toBe(true);
      expect(Object.values(res.partialFingerprints)[0]).toMatch(/^[0-9a-f]+$/);
    }
    const web = results.find((x: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.ruleId === "TWR-0101" && x.locations[0].physicalLocation.artifactLocation.uri.endsWith("web.yaml"));
    expect(web.locations[0].physicalLocation.region.startLine).toBe(2);
    expect(web.level).toBe("error");
    const suppressed = results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`${FIX}/bad/invalid.yaml`);
  });

  it("SARIF paths are relative even when the input path is absolute", () => {
    const r = tower(["scan", path.join(ROOT, FIX, "manifests", "web.yaml"), ...ONLY, "--format", "sarif"]);
    expect(JSON.parse(r.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`${FIX}/manifests/web.yaml`);
  });

  it("JUnit is well-formed XML with a failure per finding and escapes what it must", () => {
    const hostile = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x<y>&'\\"z\\u0001"\n  namespace: ns\nspec:\n  containers:\n    - name: "c]]><script>"\n      image: i\n      securityContext: {privileged: true}\n`;
    const r = tower(["scan", "-", `${FIX}/annotated.yaml`, ...ONLY, "--format", "junit"], hostile);
    expect(r.code).toBe(0);
    expect(checkXml(r.stdout)).toEqual([]);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(r.stdout).toMatch(/<testsuites name="tower scan" tests="\d+" failures="2"/);
    expect((r.stdout.match(/<failure /g) ?? []).length).toBe(2);
    expect((r.stdout.match(/<skipped /g) ?? []).length).toBe(1);
    expect(r.stdout).toContain("x&lt;y&gt;&amp;&apos;&quot;z");
    expect(checkXml("<a><b></a>")).not.toEqual([]);
  });

  it("table groups by resource and ends with a summary line, without colour when not a TTY", () => {
    const r = tower(["scan", `${FIX}/manifests`, ...ONLY, "--format", "table"]);
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/Deployment shop\/web\s+bin\/commands\/__fixtures__\/manifests\/web\.yaml:2\n\s+CRITICAL TWR-0101/);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^4 resources, 2 findings \(2 critical\), 0 suppressed, 0 errors, 1\/1 rules applied$/);
  });

  it("json carries the contract's shape and nothing but JSON on stdout", () => {
    const r = json(["scan", `${FIX}/manifests`]);
    expect(Object.keys(r.out)).toEqual(expect.arrayContaining(["findings", "summary", "errors"]));
    expect(Object.keys(r.out.summary)).toEqual(expect.arrayContaining(["resources", "findings", "bySeverity"]));
    for (const f of r.out.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(["ruleId", "severity", "message", "resource", "refs"]));
    expect(r.out.summary.findings).toBe(r.out.findings.length);
  });
});
