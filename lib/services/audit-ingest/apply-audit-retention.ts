import "server-only";
import { ingestPool } from "@/lib/ingest/pg-tx";
import { env } from "@/lib/env";
import { forgetPartitions, listPartitions } from "@/lib/ingest/partitions";

const DAY_MS = 86_400_000;
const MAX_PARTITIONS_PER_RUN = 10;
const DELETE_BATCH = 5000;
const MAX_DELETE_BATCHES = 20;
/** Rollup tables and which of their rows are past the cutoff ($1): a daily row once its whole day is. */
const ROLLUPS = [
  ["AuditRollupHourly", "hour < $1"],
  ["AuditPrincipalBucket", "bucket < $1"],
  ["AuditPrincipalHourly", "hour < $1"],
  ["AuditPrincipalDaily", "day <= $1::timestamptz - interval '1 day'"],
] as const;

const dayStart = (name: string) => {
  const d = name.slice(-8);
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)));
};

const deleteOlder = async (sql: string, cutoff: Date) => {
  let total = 0;
  for (let i = 0; i < MAX_DELETE_BATCHES; i++) {
    const r = await ingestPool().query(sql, [cutoff, DELETE_BATCH]);
    total += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) < DELETE_BATCH) break;
  }
  return total;
};

/**
 * Drops daily partitions of audit_events that lie wholly before now - TOWER_AUDIT_RETENTION_DAYS, a few per
 * run (each drop briefly locks the parent table), and deletes rejected events and rollups as old, in batches.
 */
export const applyAuditRetention = async (opts: { now?: Date; retentionDays?: number } = {}) => {
  const now = (opts.now ?? new Date()).getTime();
  const cutoff = new Date(now - (opts.retentionDays ?? env().TOWER_AUDIT_RETENTION_DAYS) * DAY_MS);
  const client = await ingestPool().connect();
  const dropped: string[] = [];
  let expired: string[];
  try {
    expired = (await listPartitions(client)).filter((p) => dayStart(p) + DAY_MS <= cutoff.getTime());
    await client.query("set lock_timeout = '5s'");
    for (const name of expired.slice(0, MAX_PARTITIONS_PER_RUN)) {
      await client.query(`drop table if exists ${name}`);
      dropped.push(name);
    }
    await client.query("reset lock_timeout");
  } finally {
    client.release();
  }
  forgetPartitions(dropped.map((n) => n.slice(-8)));
  const rejected = await deleteOlder(`delete from "AuditRejectedEvent" where id in (select id from "AuditRejectedEvent" where "receivedAt" < $1 limit $2)`, cutoff);
  let rollups = 0;
  for (const [table, expired] of ROLLUPS) rollups += await deleteOlder(`delete from "${table}" where ctid in (select ctid from "${table}" where ${expired} limit $2)`, cutoff);
  return { dropped, remaining: expired.length - dropped.length, rejected, rollups };
};
