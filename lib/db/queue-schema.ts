import { runMigrations } from "graphile-worker";
import pg from "pg";

/**
 * Start-up preparation beyond Prisma's migrations: the graphile_worker schema (so that the web
 * process can enqueue jobs before any worker has started), and lz4 compression for raw audit
 * events where the server was built with it (faster than the default pglz; others keep pglz).
 */
export const migrateQueue = async (connectionString: string) => {
  await runMigrations({ connectionString });
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("alter table audit_events alter column raw set compression lz4").catch(() => undefined);
  } finally {
    await client.end();
  }
};
