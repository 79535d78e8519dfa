import "server-only";
import pg from "pg";

// The raw pg pool for bulk paths (scan results, audit ingest) where Prisma's per-row cost is too high.
// Everything else goes through Prisma.
const globalForPool = globalThis as unknown as { towerPool?: pg.Pool; towerPoolUrl?: string };

export const getPool = (): pg.Pool => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!globalForPool.towerPool || globalForPool.towerPoolUrl !== url) {
    globalForPool.towerPool = new pg.Pool({ connectionString: url, max: 6 });
    // An idle connection dropped by a database restart must not crash the process; the next query reconnects.
    globalForPool.towerPool.on("error", (err) => console.error(`[db] idle connection lost: ${err.message}`));
    globalForPool.towerPoolUrl = url;
  }
  return globalForPool.towerPool;
};

export const closePool = async () => {
  await globalForPool.towerPool?.end();
  globalForPool.towerPool = undefined;
};

const ignore = () => {};

/**
 * Runs `fn` in one transaction on one pooled connection, robust to the database going away: a socket
 * error while the client is checked out must not crash the process (pg emits it with no listener), and
 * a client that failed is destroyed rather than returned to the pool. `opts.begin` replaces the plain
 * "begin" with a statement list that starts with it, sent in the same round trip (no parameters).
 */
export const withPgTransaction = async <T,>(fn: (client: pg.PoolClient) => Promise<T>, opts: { begin?: string } = {}): Promise<T> => {
  const client = await getPool().connect();
  client.on("error", ignore);
  let failed: unknown;
  try {
    await client.query(opts.begin ?? "begin");
    const result = await fn(client);
    await client.query("commit");
    return result;
  } catch (err) {
    failed = err;
    await client.query("rollback").catch(ignore);
    throw err;
  } finally {
    client.removeListener("error", ignore);
    client.release(failed ? (failed instanceof Error ? failed : true) : undefined);
  }
};
