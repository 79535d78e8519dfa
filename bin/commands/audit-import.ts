import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";

/**
 * `tower audit import FILE --cluster NAME`: loads an audit log file (JSON lines, EventList, arrays; .gz)
 * into a cluster's events in Tower's database (DATABASE_URL), for forensics. The database code is
 * server-only, so the work runs in a child Node with the react-server condition (this same file, as main).
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const SELF = import.meta.filename;

type Flags = { cluster: string; org?: string };

export const registerAuditSubcommand = (audit: Command) =>
  audit
    .command("import")
    .description("Import an audit log file into a cluster's events (uses DATABASE_URL; progress on stderr)")
    .argument("<file>", "audit log file (JSON lines, EventList or JSON array; gzip accepted), '-' for stdin")
    .requiredOption("--cluster <name>", "the cluster's name in Tower")
    .option("--org <slug>", "the organization's slug, when several have a cluster of that name")
    .action(async (file: string, flags: Flags) => {
      const args = ["--conditions", "react-server", "--import", path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs"), SELF, file, flags.cluster, flags.org ?? ""];
      const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") } });
      process.exitCode = await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 2)));
    });

const fail = (msg: string, code = 2): never => {
  process.stderr.write(`tower audit import: ${msg}\n`);
  process.exit(code);
};

const runImport = async ([file, clusterName, orgSlug]: string[]) => {
  const { db, disconnectDb, closePool } = await import("@/lib/db");
  const { env } = await import("@/lib/env");
  const { importAuditStream } = await import("@/lib/ingest/import-stream");
  if (!env().DATABASE_URL) fail("DATABASE_URL is not set: point it at Tower's database");
  const clusters = await db.cluster.findMany({ where: { name: clusterName, ...(orgSlug ? { org: { slug: orgSlug } } : {}) }, include: { org: { select: { slug: true } } } });
  if (!clusters.length) fail(`no cluster named '${clusterName}'${orgSlug ? ` in organization '${orgSlug}'` : ""}`);
  if (clusters.length > 1) fail(`several organizations have a cluster named '${clusterName}' (${clusters.map((c) => c.org.slug).join(", ")}): add --org <slug>`);
  if (file !== "-" && !fs.existsSync(file)) fail(`cannot read ${file}: no such file`);
  const size = file === "-" ? 0 : fs.statSync(file).size;
  const source = file === "-" ? process.stdin : fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const started = Date.now();
  const result = await importAuditStream(clusters[0].id, source, (p) => {
    const pct = size ? ` (${Math.min(100, Math.round((p.bytesRead / size) * 100))}%)` : "";
    process.stderr.write(`\rtower audit import: ${p.accepted} stored, ${p.duplicates} already there, ${p.rejected} rejected${pct}   `);
  });
  process.stderr.write(`\ntower audit import: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${JSON.stringify({ cluster: clusterName, ...result })}\n`);
  await Promise.all([disconnectDb(), closePool()]);
};

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  runImport(process.argv.slice(2)).catch((err) => fail(err instanceof Error ? err.message : String(err), 1));
}
