import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildCatalog, CLI_THEMES, FRAMEWORK_KEYS, REF_KEYS } from "./catalog";
import type { Rule } from "./define-rule";
import { RULES } from "./rules";
import { SEVERITIES, THEMES } from "./types";

// Meta-tests over the registry: the rules as data must be complete, unique and consistent with the files on disk.
const RULES_DIR = path.join(import.meta.dirname, "rules");
const SPEC_DIR = path.join(import.meta.dirname, "..", "..", "..", "shared", "spec");

const ZRefIds = z.array(z.string().trim().min(1)).optional();
const ZRuleMeta = z.object({
  id: z.string().regex(/^TWR-\d{4}$/, "id must look like TWR-NNNN"),
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "name must be kebab-case"),
  title: z.string().trim().min(1),
  description: z.string().trim().min(1),
  remediation: z.string().trim().min(1),
  severity: z.enum(SEVERITIES),
  theme: z.enum(THEMES),
  references: z.array(z.string().trim().min(1)).min(1, "at least one reference"),
  refs: z.strictObject(Object.fromEntries(REF_KEYS.map((k) => [k, ZRefIds])) as Record<(typeof REF_KEYS)[number], typeof ZRefIds>),
  maturity: z.enum(["stable", "incubating", "deprecated"]).optional(),
  aliases: z.array(z.string().min(1)).optional(),
  type: z.enum(["object", "pod", "snapshot"]),
  check: z.function(),
});

const live = RULES.filter((r) => r.maturity !== "deprecated");

/** Rule files: lib/scanner/rules/<theme>/**.ts minus indexes, *-rules.ts lists, tests, fixtures and _folders. */
const ruleFiles = (): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith("_")) walk(full);
      } else if (e.name.endsWith(".ts") && e.name !== "index.ts" && !e.name.endsWith("-rules.ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts")) out.push(full);
    }
  };
  for (const theme of fs.readdirSync(RULES_DIR, { withFileTypes: true })) if (theme.isDirectory() && !theme.name.startsWith("_")) walk(path.join(RULES_DIR, theme.name));
  return out.sort();
};

const readCsvColumn = (file: string, column: number): Set<string> =>
  new Set(
    fs
      .readFileSync(file, "utf8")
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(",")[column]?.trim())
      .filter((v): v is string => !!v),
  );

const duplicates = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

describe("rule catalog", () => {
  it("has at least one rule", () => {
    expect(RULES.length).toBeGreaterThan(0);
  });

  it("ids are unique", () => {
    expect(duplicates(RULES.map((r) => r.id))).toEqual([]);
  });

  it("names and aliases are unique across live rules, and never reuse another rule's id", () => {
    const keys = live.flatMap((r) => [r.name, ...(r.aliases ?? [])]);
    expect(duplicates(keys)).toEqual([]);
    const ids = new Set(RULES.map((r) => r.id));
    expect(live.flatMap((r) => (r.aliases ?? []).filter((a) => ids.has(a) && a !== r.id))).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))("%s metadata passes the schema", (_id, rule) => {
    const parsed = ZRuleMeta.safeParse(rule);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
    if (rule.type !== "pod") expect((rule as Extract<Rule, { targets: readonly string[] }>).targets.length).toBeGreaterThan(0);
  });

  it("every rule file is registered, and every registered rule comes from a rule file in its theme's folder", async () => {
    const registered = new Set<Rule>(RULES);
    const fromFiles = new Map<Rule, string>();
    const problems: string[] = [];
    for (const file of ruleFiles()) {
      const rel = path.relative(RULES_DIR, file);
      const mod = (await import(file)) as { default?: Rule };
      const rule = mod.default;
      if (!rule || typeof rule !== "object" || typeof rule.check !== "function") {
        problems.push(`${rel}: no default-exported rule (helpers go in a folder starting with _)`);
        continue;
      }
      fromFiles.set(rule, rel);
      if (!registered.has(rule)) problems.push(`${rel}: ${rule.id} is not in RULES (add it to its theme's index)`);
      if (rel.split(path.sep)[0] !== rule.theme) problems.push(`${rel}: ${rule.id} has theme ${rule.theme} but lives under ${rel.split(path.sep)[0]}/`);
      if (path.basename(file, ".ts") !== rule.name) problems.push(`${rel}: file name differs from the rule name '${rule.name}'`);
    }
    for (const rule of RULES) if (!fromFiles.has(rule)) problems.push(`${rule.id} (${rule.name}) is registered but no rule file default-exports it`);
    expect(problems).toEqual([]);
  });

  it("framework refs name controls that exist", (ctx) => {
    if (!fs.existsSync(SPEC_DIR)) {
      console.warn(`catalog.test: ${SPEC_DIR} is absent; skipping the framework control check`);
      ctx.skip();
      return;
    }
    const cis = readCsvColumn(path.join(SPEC_DIR, "framework-cis-k8s.csv"), 0);
    const nsa = readCsvColumn(path.join(SPEC_DIR, "framework-nsa.csv"), 0);
    const problems: string[] = [];
    for (const r of RULES) {
      for (const id of r.refs.cis ?? []) if (!cis.has(id)) problems.push(`${r.id}: CIS ${id} is not in framework-cis-k8s.csv`);
      for (const id of r.refs.nsa ?? []) if (!nsa.has(id)) problems.push(`${r.id}: NSA ${id} is not in framework-nsa.csv`);
      for (const id of r.refs.pss ?? []) if (!["baseline", "restricted"].includes(id)) problems.push(`${r.id}: PSS level '${id}' is not baseline or restricted`);
      for (const id of r.refs.mitre ?? []) if (!/^T\d{4}(\.\d{3})?$/.test(id)) problems.push(`${r.id}: MITRE '${id}' is not a technique id (T1234 or T1234.001)`);
    }
    expect(problems).toEqual([]);
  });

  it("derives the catalog and framework coverage from the registry", () => {
    const catalog = buildCatalog(RULES);
    expect(catalog.rules.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of catalog.rules) {
      expect(Object.values(CLI_THEMES)).toContain(rule.theme);
      expect(rule.libraryTheme).toBe(RULES.find((r) => r.id === rule.id)!.theme);
    }
    for (const fw of FRAMEWORK_KEYS)
      for (const r of live) for (const control of r.refs[fw] ?? []) expect(catalog.coverage[fw][control]).toContain(r.id);
  });
});
