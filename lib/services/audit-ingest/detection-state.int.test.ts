import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { ingestLockKey } from "@/lib/ingest/write-batch";
import { safeHorizon } from "./detection-state";

const clients: pg.Client[] = [];
const connect = async () => {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  clients.push(c);
  return c;
};
/** An ingest transaction of `clusterId` that has taken its lock and a seq, left open. */
const openIngest = async (clusterId: string) => {
  const c = await connect();
  await c.query("begin");
  await c.query("select pg_advisory_xact_lock_shared(hashtext($1))", [ingestLockKey(clusterId)]);
  const seq = Number((await c.query<{ n: string }>("select nextval('audit_events_seq_seq')::text as n")).rows[0].n);
  return { c, seq };
};
const settled = <T,>(p: Promise<T>) => {
  const state = { done: false, value: undefined as T | undefined };
  p.then((v) => Object.assign(state, { done: true, value: v }));
  return state;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(() => getPool().query("select 1"));
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => {});
});

describe("safeHorizon", () => {
  it("waits for the cluster's ingest transactions in flight, covers their seqs, and lets new ones start meanwhile", async () => {
    const slow = await openIngest("cluster-a");
    const other = await openIngest("cluster-b");
    const horizon = settled(safeHorizon("cluster-a"));
    await sleep(300);
    expect(horizon.done).toBe(false);

    // A new batch of the same cluster takes the lock at once instead of queueing behind the horizon.
    const started = performance.now();
    const next = await openIngest("cluster-a");
    expect(performance.now() - started).toBeLessThan(1000);

    await slow.c.query("commit");
    for (let i = 0; i < 100 && !horizon.done; i++) await sleep(20);
    expect(horizon.done).toBe(true);
    expect(horizon.value).toBeGreaterThanOrEqual(slow.seq);
    // The batch that started later took a seq above the horizon, so no cursor can pass it before it commits.
    expect(next.seq).toBeGreaterThan(horizon.value!);
    await Promise.all([next.c.query("commit"), other.c.query("commit")]);
  });

  it("answers at once when no ingest transaction is open", async () => {
    const before = Number((await getPool().query<{ n: string }>("select nextval('audit_events_seq_seq')::text as n")).rows[0].n);
    expect(await safeHorizon("cluster-idle")).toBeGreaterThanOrEqual(before);
  });
});
