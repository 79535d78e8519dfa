import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";

/** A worker counts as alive when its heartbeat is younger than this. */
export const HEARTBEAT_STALE_MS = 60_000;

export type TQueueStats = { pending: number; running: number; failed: number; scheduledLater: number };

export const readQueueStats = async (): Promise<TQueueStats | null> => {
  try {
    const rows = await db.$queryRaw<Array<{ pending: bigint; running: bigint; failed: bigint; later: bigint }>>`
      select
        count(*) filter (where locked_at is null and run_at <= now() and attempts < max_attempts) as pending,
        count(*) filter (where locked_at is not null) as running,
        count(*) filter (where attempts >= max_attempts) as failed,
        count(*) filter (where locked_at is null and run_at > now()) as later
      from graphile_worker.jobs`;
    const r = rows[0];
    return { pending: Number(r.pending), running: Number(r.running), failed: Number(r.failed), scheduledLater: Number(r.later) };
  } catch {
    return null; // the queue schema appears when the first worker starts
  }
};

export const readWorkers = async (now = new Date()) => {
  const rows = await db.workerHeartbeat.findMany({ orderBy: { seenAt: "desc" }, take: 50 });
  return rows.map((w) => ({ id: w.id, hostname: w.hostname, pid: w.pid, version: w.version, startedAt: w.startedAt.toISOString(), seenAt: w.seenAt.toISOString(), alive: now.getTime() - w.seenAt.getTime() < HEARTBEAT_STALE_MS }));
};

export const getSystemHealth = async ({ ctx }: { ctx: Ctx }) => {
  requirePermission(ctx, "system.read");
  const [workers, queue] = await Promise.all([readWorkers(), readQueueStats()]);
  return { workers, queue, checkedAt: new Date().toISOString() };
};
