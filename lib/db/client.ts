import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "./generated/client";

// One client per process (globalThis survives Next's dev reloads), with the pg driver adapter:
// Prisma's WebAssembly engine needs no native binary (see TOOLCHAIN.md).
const create = (connectionString: string) =>
  new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10 }),
    omit: { user: { passwordHash: true } },
  });

export type Db = ReturnType<typeof create>;

const globalForDb = globalThis as unknown as { towerDb?: Db; towerDbUrl?: string };

export const getDb = (): Db => {
  // Read live, not cached: the launcher and tests set DATABASE_URL after start-up.
  const url = process.env.DATABASE_URL ?? env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!globalForDb.towerDb || globalForDb.towerDbUrl !== url) {
    globalForDb.towerDb = create(url);
    globalForDb.towerDbUrl = url;
  }
  return globalForDb.towerDb;
};

/** The database, created on first use so that importing this module never needs a connection. */
export const db: Db = new Proxy({} as Db, {
  get: (_target, prop) => Reflect.get(getDb() as object, prop),
});

export const disconnectDb = async () => {
  await globalForDb.towerDb?.$disconnect();
  globalForDb.towerDb = undefined;
};
