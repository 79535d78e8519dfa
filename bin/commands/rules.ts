import type { Command } from "commander";
import pc from "picocolors";
import { buildCatalog, type CatalogRule } from "../../lib/scanner/catalog";
import { RULES } from "../../lib/scanner/rules";

const SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"];

const table = (rules: CatalogRule[], color: boolean): string => {
  const c = pc.createColors(color);
  const sorted = [...rules].sort((a, b) => a.theme.localeCompare(b.theme) || SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.id.localeCompare(b.id));
  const lines = sorted.map((r) => {
    const refs = Object.entries(r.refs).map(([k, ids]) => `${k}:${(ids ?? []).join("/")}`).join(" ");
    return `${c.cyan(r.id.padEnd(10))} ${r.severity.padEnd(8)} ${r.theme.padEnd(10)} ${r.title}${refs ? c.dim(`  [${refs}]`) : ""}`;
  });
  return [c.bold(`${"ID".padEnd(10)} ${"SEVERITY".padEnd(8)} ${"THEME".padEnd(10)} TITLE`), ...lines, "", `${rules.length} rules`].join("\n") + "\n";
};

export const register = (program: Command) => {
  program
    .command("rules")
    .description("List the rules Tower checks, with their severity, theme and the peers' and frameworks' ids they cover")
    .option("--format <format>", "json | table", "table")
    .option("--coverage", "with --format json, add framework -> control -> rule coverage")
    .action((flags: { format: string; coverage?: boolean }) => {
      if (flags.format !== "json" && flags.format !== "table") {
        process.stderr.write(`tower: --format must be json or table (got '${flags.format}')\n`);
        process.exit(2);
      }
      const catalog = buildCatalog(RULES);
      if (flags.format === "table") {
        process.stdout.write(table(catalog.rules, !!process.stdout.isTTY));
        return;
      }
      const out = { rules: catalog.rules, ...(flags.coverage ? { coverage: catalog.coverage } : {}) };
      process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    });
};
