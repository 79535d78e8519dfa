import "server-only";
import type pg from "pg";
import { getPool, withPgTransaction } from "@/lib/db/pool";

// The ingest path shares lib/db's pool (which survives database restarts) and its transaction helper.
export const ingestPool = (): pg.Pool => getPool();
export const inTransaction = withPgTransaction;
