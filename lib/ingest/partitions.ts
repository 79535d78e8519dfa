import "server-only";
import type pg from "pg";

const DAY_MS = 86_400_000;
const known = new Set<string>();

/** UTC day of an epoch-ms time, as `YYYYMMDD`. */
export const dayKey = (ts: number) => new Date(ts).toISOString().slice(0, 10).replaceAll("-", "");

/** The distinct UTC days of many epoch-ms times: each day formatted once, not once per event. */
export const dayKeysOf = (times: Iterable<number>): Set<string> => {
  const days = new Set<number>();
  for (const ts of times) days.add(Math.floor(ts / DAY_MS));
  return new Set([...days].map((d) => dayKey(d * DAY_MS)));
};

export const partitionName = (day: string) => `audit_events_${day}`;

const bounds = (day: string) => {
  const start = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)));
  return [new Date(start).toISOString(), new Date(start + DAY_MS).toISOString()];
};

const isAlreadyThere = (err: unknown) => ["42P07", "23505", "42P17"].includes((err as { code?: string }).code ?? "");

/**
 * Creates the daily partitions that `days` need, outside the batch's transaction (DDL there would hold
 * a lock on the parent until commit). Known partitions are cached per process. Concurrent creators
 * serialise on an advisory lock; a lost race is not an error.
 */
export const ensurePartitions = async (pool: pg.Pool, days: Iterable<string>) => {
  const missing = [...new Set(days)].filter((d) => !known.has(d) && /^\d{8}$/.test(d));
  if (!missing.length) return;
  const client = await pool.connect();
  const ignore = () => {};
  client.on("error", ignore);
  let failed: Error | undefined;
  try {
    for (const day of missing.sort()) {
      const [from, to] = bounds(day);
      await client.query("select pg_advisory_lock(hashtext('audit_events_partition'))");
      try {
        await client.query(`create table if not exists ${partitionName(day)} partition of audit_events for values from ('${from}') to ('${to}')`);
      } catch (err) {
        if (!isAlreadyThere(err)) throw err;
      } finally {
        await client.query("select pg_advisory_unlock(hashtext('audit_events_partition'))");
      }
      known.add(day);
    }
  } catch (err) {
    failed = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.removeListener("error", ignore);
    client.release(failed);
  }
};

/** Forget cached partitions (after retention dropped some, or when an insert found one missing). */
export const forgetPartitions = (days?: Iterable<string>) => {
  if (!days) return known.clear();
  for (const d of days) known.delete(d);
};

/** Existing daily partitions, oldest first. */
export const listPartitions = async (client: pg.ClientBase): Promise<string[]> => {
  const r = await client.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      where p.relname = 'audit_events' and c.relname ~ '^audit_events_[0-9]{8}$' order by c.relname`,
  );
  return r.rows.map((x) => x.name);
};
