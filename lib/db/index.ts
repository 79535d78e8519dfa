import "server-only";

export { db, getDb, disconnectDb, type Db } from "./client";
export { getPool, closePool, withPgTransaction } from "./pool";
export type { Role } from "./generated/enums";
export * as DbTypes from "./generated/models";
