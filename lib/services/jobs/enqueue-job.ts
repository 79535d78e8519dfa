import "server-only";
import type { Db } from "@/lib/db";

type Tx = Pick<Db, "$executeRaw">;

/**
 * Adds a graphile-worker job in the caller's transaction, so that the job exists exactly when the row
 * that triggered it does. A jobKey replaces a pending job with the same key (no duplicate scans).
 */
export const enqueueJob = async (tx: Tx, task: string, payload: object, opts: { jobKey?: string; runAt?: Date; maxAttempts?: number } = {}) => {
  await tx.$executeRaw`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json, job_key => ${opts.jobKey ?? null}::text, run_at => ${opts.runAt ?? null}::timestamptz, max_attempts => ${opts.maxAttempts ?? 5}::int)`;
};
