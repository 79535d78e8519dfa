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

/** Runs `fn` in one transaction on one pooled connection. */
export const withPgTransaction = async <T,>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
  const client = await getPool().connect();
  try {
    await client.query("begin");
    const result = await fn(client);
    await client.query("commit");
    return result;
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
};
