import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";

/**
 * Each command lives in bin/commands/<name>.ts and exports `register(program)`. They are loaded
 * only when present, so that the CLI works in every build of the repository.
 */
const COMMANDS = ["rules", "scan", "audit", "report", "sim", "keys"] as const;

const main = async () => {
  const program = new Command("tower").description("Tower: Kubernetes security scanning, audit analysis and compliance").showHelpAfterError();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  for (const name of COMMANDS) {
    const file = path.join(import.meta.dirname, "commands", `${name}.ts`);
    if (!fs.existsSync(file)) continue;
    const mod = (await import(file)) as { register: (p: Command) => void };
    mod.register(program);
  }
  await program.parseAsync(process.argv);
};

main().catch((err) => {
  process.stderr.write(`tower: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
