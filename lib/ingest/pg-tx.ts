import "server-only";
import type pg from "pg";
import { getPool } from "@/lib/db/pool";

const ignore = () => {};

/**
 * One transaction on one pooled connection, robust to the database going away: a socket error while
 * the client is checked out must not crash the process (pg emits it with no listener), and a client
 * that failed is destroyed rather than returned to the pool.
 */
export const inTransaction = async <T,>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
  const client = await getPool().connect();
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
