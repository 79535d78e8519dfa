import crypto from "node:crypto";
import type { Command } from "commander";
import pg from "pg";
import { resealAll } from "../../lib/clusters/rotate-key";

const fail = (message: string): never => {
  process.stderr.write(`tower keys: ${message}\n`);
  process.exit(2);
};

/** Re-encrypts every stored cluster credential in one transaction: all rows move to the new key, or none. */
const rotate = async (opts: { from?: string; to?: string }) => {
  const url = process.env.DATABASE_URL ?? fail("DATABASE_URL is not set (the database whose credentials to re-encrypt)");
  const from = opts.from ?? process.env.TOWER_ENCRYPTION_KEY ?? fail("give the current key with --from or TOWER_ENCRYPTION_KEY");
  const to = opts.to ?? fail("give the new key with --to (generate one with `tower keys generate`)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query(`select id, "keyId", iv, "authTag", ciphertext from "ClusterCredential" for update`);
    const resealed = resealAll(rows, from, to);
    for (const r of resealed) await client.query(`update "ClusterCredential" set "keyId" = $2, iv = $3, "authTag" = $4, ciphertext = $5, "updatedAt" = now() where id = $1`, [r.id, r.keyId, Buffer.from(r.iv), Buffer.from(r.authTag), Buffer.from(r.ciphertext)]);
    await client.query("commit");
    process.stderr.write(`re-encrypted ${resealed.length} of ${rows.length} credential(s); set TOWER_ENCRYPTION_KEY to the new key and restart Tower\n`);
  } catch (err) {
    await client.query("rollback").catch(() => {});
    fail(err instanceof Error ? err.message : String(err));
  } finally {
    await client.end();
  }
};

export const register = (program: Command) => {
  const keys = program.command("keys").description("manage the key that encrypts cluster credentials at rest");
  keys.command("generate").description("print a new random 32-byte key (base64)").action(() => {
    process.stdout.write(`${crypto.randomBytes(32).toString("base64")}\n`);
  });
  keys
    .command("rotate")
    .description("re-encrypt all stored cluster credentials with a new key (uses DATABASE_URL)")
    .option("--from <key>", "the current key (default: TOWER_ENCRYPTION_KEY)")
    .option("--to <key>", "the new key")
    .action(rotate);
};
