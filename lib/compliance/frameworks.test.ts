import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { findFramework, FRAMEWORKS } from "./frameworks";

// Meta-test: every control of the spec tables (../shared/spec, outside this repository) is in the framework data.
const SPEC = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "spec");
const hasSpec = fs.existsSync(SPEC);
const rows = (file: string) => parse(fs.readFileSync(path.join(SPEC, file), "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe("framework data", () => {
  if (!hasSpec) it.skip(`spec tables not found at ${SPEC}: the transcription meta-test is skipped`, () => {});

  it.runIf(hasSpec)("has every CIS control of framework-cis-k8s.csv, with its title and assessability", () => {
    for (const r of rows("framework-cis-k8s.csv")) {
      const c = FRAMEWORKS.cis.controls.find((x) => x.id === r.id);
      expect(c, r.id).toBeDefined();
      expect(c!.title).toBe(r.title);
      expect(c!.assessable).toBe(r.assessable_from_api);
    }
  });

  it.runIf(hasSpec)("has every NSA control of framework-nsa.csv", () => {
    for (const r of rows("framework-nsa.csv")) {
      const c = FRAMEWORKS.nsa.controls.find((x) => x.id === r.control_id);
      expect(c, r.control_id).toBeDefined();
      expect(c!.title).toBe(r.title);
      expect(c!.assessable).toBe(r.assessable_from_api);
    }
  });

  it.runIf(hasSpec)("has every PSS control of framework-pss.csv, per level, with its fields", () => {
    for (const r of rows("framework-pss.csv")) {
      const c = FRAMEWORKS.pss.controls.find((x) => x.section === r.level && x.title === r.control);
      expect(c, `${r.level}/${r.control}`).toBeDefined();
      expect(c!.fields!.length).toBeGreaterThan(0);
    }
  });

  it("has unique control ids in every framework", () => {
    for (const f of Object.values(FRAMEWORKS)) expect(new Set(f.controls.map((c) => c.id)).size, f.id).toBe(f.controls.length);
  });

  it("says what would assess every control it cannot", () => {
    for (const f of Object.values(FRAMEWORKS)) for (const c of f.controls.filter((x) => x.assessable === "no")) expect(c.assessedBy, `${f.id} ${c.id}`).toBeTruthy();
  });

  it("shows a CIS level as verified only where the spec notes confirm it", () => {
    const verified = FRAMEWORKS.cis.controls.filter((c) => c.levelVerified).map((c) => c.id);
    expect(verified.sort()).toEqual(["5.2.10", "5.2.7"]);
  });

  it("finds frameworks by short name and versioned id", () => {
    expect(findFramework("cis")?.id).toBe("cis-1.12");
    expect(findFramework("cis-1.12")?.key).toBe("cis");
    expect(findFramework("NSA")?.key).toBe("nsa");
    expect(findFramework("iso27001")).toBeUndefined();
  });
});
