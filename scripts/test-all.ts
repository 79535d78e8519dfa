// `npm test`: every suite (type check, unit, integration on a real Postgres, end-to-end in Chromium),
// installing what a fresh machine lacks, then one closing line "N passed, N failed".
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { needsBuild } from "../lib/launcher/build";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "test-results");
fs.mkdirSync(OUT, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
const log = (m: string) => console.log(`\n=== ${m}`);

type Result = { suite: string; passed: number; failed: number; skipped: number };
const results: Result[] = [];

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: ROOT, env, stdio: "inherit" }).status ?? 1;

const ensureChromium = () => {
  if (["/usr/bin/chromium", "/usr/bin/chromium-browser"].some((p) => fs.existsSync(p))) return;
  log("installing Chromium for the browser tests");
  if (process.getuid?.() === 0 && spawnSync("which", ["apt-get"]).status === 0) {
    run("apt-get", ["update", "-qq"]);
    if (run("apt-get", ["install", "-y", "-qq", "chromium"]) === 0) return;
  }
  run(process.execPath, [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "install", "chromium"]);
};

const vitestSuite = (suite: string, config: string | undefined) => {
  log(suite);
  const file = path.join(OUT, `${suite}.json`);
  fs.rmSync(file, { force: true });
  const args = [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", ...(config ? ["--config", config] : []), "--reporter=dot", "--reporter=json", `--outputFile.json=${file}`];
  const code = run(process.execPath, args);
  if (!fs.existsSync(file)) return results.push({ suite, passed: 0, failed: 1, skipped: 0 });
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  // A suite that crashed outside any test still counts as a failure.
  const failed = r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0);
  results.push({ suite, passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests });
};

const typecheck = () => {
  log("typecheck (tsc --noEmit)");
  const code = run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", ROOT]);
  results.push({ suite: "typecheck", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
};

const e2eSuite = () => {
  ensureChromium();
  if (needsBuild(ROOT)) {
    log("building the web app for the browser tests");
    if (run(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"]) !== 0) return results.push({ suite: "e2e", passed: 0, failed: 1, skipped: 0 });
  }
  log("e2e (Playwright, Chromium)");
  const file = path.join(OUT, "e2e-results.json");
  fs.rmSync(file, { force: true });
  const code = run(process.execPath, [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test"]);
  if (!fs.existsSync(file)) return results.push({ suite: "e2e", passed: 0, failed: 1, skipped: 0 });
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  results.push({ suite: "e2e", passed: s.expected + s.flaky, failed: s.unexpected + (code !== 0 && s.unexpected === 0 ? 1 : 0), skipped: s.skipped });
};

const only = process.argv.slice(2);
const want = (s: string) => !only.length || only.includes(s);
if (!fs.existsSync(path.join(ROOT, "lib/db/generated/client.ts"))) execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false" } });
if (want("typecheck")) typecheck();
if (want("unit")) vitestSuite("unit", undefined);
if (want("integration")) vitestSuite("integration", "vitest.int.config.ts");
if (want("e2e")) e2eSuite();

console.log("\n=== summary");
for (const r of results) console.log(`${r.suite}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
