import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The boundaries that matter, checked on every run rather than only written down (STYLE.md rule 38).
const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "workers"];

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" || d.name === "generated" || d.name.startsWith(".") ? [] : walk(p);
    return /\.(ts|tsx)$/.test(d.name) ? [p] : [];
  });

const files = SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d))).map((f) => path.relative(ROOT, f));
const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f.startsWith("lib/db/test/");
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");

describe("architecture", () => {
  it("only lib/db constructs or imports the generated Prisma client", () => {
    const offenders = files.filter((f) => !f.startsWith("lib/db/") && /generated\/(client|models|enums)|@prisma\/client/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it("only lib/env.ts reads process.env (lib/db reads DATABASE_URL live, because the launcher sets it after start-up)", () => {
    const allowed = new Set(["lib/env.ts", "lib/db/client.ts", "lib/db/pool.ts"]);
    const offenders = files.filter((f) => !isTest(f) && !allowed.has(f) && /process\.env\b/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it("client components never import the database, services or server-only modules", () => {
    const clientFiles = files.filter((f) => /^\s*["']use client["']/.test(read(f)));
    expect(clientFiles.length).toBeGreaterThan(3);
    const offenders = clientFiles.filter((f) => /from "@\/lib\/(db|services|auth\/(context|options|page-context)|http|clusters|ingest)/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it("modules in lib/db, lib/services, lib/http and lib/auth that touch the server start with import \"server-only\"", () => {
    const guarded = files.filter((f) => !isTest(f) && /^lib\/(services|http\/with-api|auth\/(context|options|page-context|rate-limit))/.test(f) && !f.endsWith("serialize.ts") && !f.endsWith("filters.ts"));
    const offenders = guarded.filter((f) => !/^import "server-only";/m.test(read(f)) && /from "@\/lib\/db"|from "@\/lib\/auth\/context"/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it("API routes go through the one wrapper (withApi) or are the documented exceptions", () => {
    const routes = files.filter((f) => f.startsWith("app/api/v1/") && f.endsWith("route.ts"));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((f) => !read(f).includes("withApi("))).toEqual([]);
  });
});
