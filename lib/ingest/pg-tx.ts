import "server-only";
import type pg from "pg";
import { getPool } from "@/lib/db/pool";

const ignore = () => {};
const guarded = new WeakSet<pg.Pool>();

/**
 * The shared pool, with an error listener: an idle connection that dies with the server (restart,
 * failover) makes the pool emit "error", which would otherwise crash the process.
 */
export const ingestPool = (): pg.Pool => {
  const pool = getPool();
  if (!guarded.has(pool)) {
    pool.on("error", (err) => console.warn(`[ingest] idle database connection lost: ${err.message}`));
    guarded.add(pool);
  }
  return pool;
};

/**
 * One transaction on one pooled connection, robust to the database going away: a socket error while
 * the client is checked out must not crash the process (pg emits it with no listener), and a client
 * that failed is destroyed rather than returned to the pool.
 */
export const inTransaction = async <T,>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
  const client = await ingestPool().connect();
  client.on("error", ignore);
  let failed: unknown;
  try {
    await client.query("begin");
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
