import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/scanner is a pure engine (STYLE.md 6): no I/O, framework, clock or environment. Tests and testing/ are exempt.
const ROOT = import.meta.dirname;

const sources = (): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (full !== path.join(ROOT, "testing") && e.name !== "__fixtures__" && e.name !== "node_modules") walk(full);
      } else if (/\.(ts|tsx|mts|js)$/.test(e.name) && !/\.test\.(ts|tsx|mts)$/.test(e.name)) out.push(full);
    }
  };
  walk(ROOT);
  return out.sort();
};

const FORBIDDEN_MODULE = /^(node:.*|fs|fs\/promises|path|process|os|child_process|http|https|net|crypto|worker_threads|next|next\/.*|@\/lib\/db(\/.*)?|@\/lib\/services(\/.*)?|server-only)$/;
const IMPORT = /(?:\bimport\s+(?:type\s+)?(?:[^'"`;]*?\bfrom\s*)?|\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["'`]([^"'`]+)["'`]/g;

const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

const violationsOf = (file: string): string[] => {
  const code = stripComments(fs.readFileSync(file, "utf8"));
  const rel = path.relative(ROOT, file);
  const out: string[] = [];
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[1];
    if (FORBIDDEN_MODULE.test(spec)) out.push(`${rel}: imports '${spec}'`);
    if (spec.startsWith(".")) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(ROOT) && /[\\/]lib[\\/](db|services)([\\/]|$)/.test(target)) out.push(`${rel}: imports '${spec}'`);
    }
  }
  if (/\bDate\.now\s*\(/.test(code)) out.push(`${rel}: reads the clock (Date.now()); take ctx.now`);
  if (/\bnew\s+Date\s*(\(\s*\))?(?!\s*\()/.test(code)) out.push(`${rel}: reads the clock (new Date() without arguments); take ctx.now`);
  if (/\bprocess\s*\.\s*env\b/.test(code) || /\bprocess\s*\[\s*["']env["']\s*\]/.test(code)) out.push(`${rel}: reads process.env`);
  if (/\bperformance\s*\.\s*now\s*\(/.test(code)) out.push(`${rel}: reads the clock (performance.now())`);
  return out;
};

describe("lib/scanner purity", () => {
  it("finds the sources it checks", () => {
    expect(sources().length).toBeGreaterThan(5);
  });

  it("no module imports node built-ins, the database, services or Next.js, reads the clock or the environment", () => {
    expect(sources().flatMap(violationsOf)).toEqual([]);
  });

  it("the checker itself catches each kind of violation", () => {
    const tmp = path.join(ROOT, "testing", "__purity_probe.ts");
    const probe = [
      'import fs from "node:fs";',
      'import { db } from "@/lib/db";',
      'import x from "path";',
      'export { y } from "next/server";',
      "const a = Date.now();",
      "const b = new Date();",
      "const c = new Date(a);",
      "const d = process.env.HOME;",
    ].join("\n");
    fs.writeFileSync(tmp, probe);
    try {
      expect(violationsOf(tmp).map((v) => v.replace(/^[^:]+: /, ""))).toEqual([
        "imports 'node:fs'",
        "imports '@/lib/db'",
        "imports 'path'",
        "imports 'next/server'",
        "reads the clock (Date.now()); take ctx.now",
        "reads the clock (new Date() without arguments); take ctx.now",
        "reads process.env",
      ]);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  });
});
