import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { parseBaseline, type TBaselineFinding } from "../../../lib/scanner/baseline";
import { findRule } from "../../../lib/scanner/catalog";
import type { Rule } from "../../../lib/scanner/define-rule";
import { parseExceptionsFile, type TExceptionEntry } from "../../../lib/scanner/exceptions";
import { isSeverity } from "../../../lib/scanner/format/report";
import type { Severity } from "../../../lib/scanner/types";

/** A problem with the command line or a file it names: one line on stderr, exit 2. */
export class UsageError extends Error {}

export const FORMATS = ["json", "sarif", "junit", "table"] as const;
export type Format = (typeof FORMATS)[number];

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

export const parseFormat = (v: string): Format => {
  if ((FORMATS as readonly string[]).includes(v)) return v as Format;
  throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got '${v}')`);
};

export const parseSeverity = (v: string): Severity => {
  const s = v.toLowerCase();
  if (isSeverity(s)) return s;
  throw new UsageError(`--fail-on must be one of critical, high, medium, low, info (got '${v}')`);
};

/** Bytes, optionally with a k/m/g suffix (powers of 1024). */
export const parseSize = (v: string): number => {
  const m = /^(\d+)\s*([kmg]i?b?)?$/i.exec(v.trim());
  if (!m) throw new UsageError(`--max-file-size must be a number of bytes, optionally with k, m or g (got '${v}')`);
  const unit = (m[2] ?? "").toLowerCase()[0];
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Number(m[1]) * factor;
};

export const parseList = (v: string | undefined): string[] =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** --rules takes ids, names or aliases; unknown ones are a usage error (a typo must not turn into a clean pass). */
export const resolveRuleIds = (keys: string[], rules: readonly Rule[]): string[] => {
  const unknown = keys.filter((k) => !findRule(rules, k));
  if (unknown.length) throw new UsageError(`--rules: unknown rule ${unknown.map((k) => `'${k}'`).join(", ")} (see 'tower rules')`);
  return [...new Set(keys.map((k) => findRule(rules, k)!.id))];
};

const readText = (file: string, what: string): string => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${what} ${file}: ${code === "ENOENT" ? "no such file or directory" : (err as Error).message}`);
  }
};

export const loadExceptions = (file: string): TExceptionEntry[] => {
  const text = readText(file, "--exceptions");
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (err) {
    throw new UsageError(`--exceptions ${file}: not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  try {
    return parseExceptionsFile(data);
  } catch (err) {
    throw new UsageError(`--exceptions ${file}: ${(err as Error).message}`);
  }
};

export const loadBaseline = (file: string): TBaselineFinding[] => {
  const text = readText(file, "--baseline");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--baseline ${file}: not valid JSON (${(err as Error).message}); pass an earlier 'tower scan --format json' result`);
  }
  try {
    return parseBaseline(data);
  } catch (err) {
    throw new UsageError(`--baseline ${file}: ${(err as Error).message}`);
  }
};

export const parseNow = (v: string | undefined): Date => {
  if (!v) return new Date();
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--now must be a date (got '${v}')`);
  return d;
};

export const towerVersion = (): string => {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "..", "..", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
};
