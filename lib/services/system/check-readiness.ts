import "server-only";
import { db } from "@/lib/db";
import { HEARTBEAT_STALE_MS } from "./get-system-health";

export type TReadiness = { ready: boolean; checks: { database: boolean; migrations: boolean; workers: boolean }; detail: string[] };

/** Readiness for load balancers: database reachable, all migrations applied, a worker seen recently. */
export const checkReadiness = async (migrationCount: number): Promise<TReadiness> => {
  const detail: string[] = [];
  const checks = { database: false, migrations: false, workers: false };
  try {
    await db.$queryRaw`select 1`;
    checks.database = true;
  } catch {
    detail.push("database unreachable");
    return { ready: false, checks, detail };
  }
  try {
    const rows = await db.$queryRaw<Array<{ n: bigint }>>`select count(*) as n from _prisma_migrations where finished_at is not null and rolled_back_at is null`;
    checks.migrations = Number(rows[0].n) >= migrationCount;
    if (!checks.migrations) detail.push(`migrations pending (${rows[0].n} of ${migrationCount} applied)`);
  } catch {
    detail.push("migrations table missing");
  }
  const recent = await db.workerHeartbeat.count({ where: { seenAt: { gt: new Date(Date.now() - HEARTBEAT_STALE_MS) } } });
  checks.workers = recent > 0;
  if (!checks.workers) detail.push("no worker heartbeat in the last minute");
  return { ready: checks.database && checks.migrations && checks.workers, checks, detail };
};
