import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/compliance is a pure engine (STYLE.md floor 1): no node:* imports, no I/O, no clock or environment. Tests are exempt.
const FORBIDDEN: Array<[RegExp, string]> = [
  [/from\s+["']node:/, "imports node:*"],
  [/from\s+["'](fs|path|os|child_process)["']/, "imports a Node built-in"],
  [/process\.env/, "reads process.env"],
  [/Date\.now\(\)|new Date\(\)/, "reads the clock"],
  [/from\s+["'](@\/)?lib\/(db|services|clusters)/, "imports a door to the outside world"],
];

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path.join(dir, e.name)] : [],
  );

describe("lib/compliance purity", () => {
  it("has no I/O, clock or environment in its sources", () => {
    const problems = sources(import.meta.dirname).flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      return FORBIDDEN.filter(([re]) => re.test(text)).map(([, why]) => `${path.relative(import.meta.dirname, file)} ${why}`);
    });
    expect(problems).toEqual([]);
  });
});
