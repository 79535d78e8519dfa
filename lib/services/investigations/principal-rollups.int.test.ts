import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { createOrg } from "@/lib/db/test/factories";
import { prepareBatch } from "@/lib/ingest/prepare-batch";
import { createAuditCluster, makeEvent } from "@/lib/ingest/test/audit-events";
import { writeBatch } from "@/lib/ingest/write-batch";
import { applyAuditRetention } from "../audit-ingest/apply-audit-retention";
import { runAuditDetection } from "../audit-ingest/run-audit-detection";
import { bucketSecondsFor } from "./event-queries";
import { unprocessedTails } from "./first-seen";
import { principalSummary } from "./principal-summary";
import { backfillPrincipalRollups } from "./principal-rollups-backfill";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const now = Date.now();
// Midnight UTC two days ago: requests lie from 20 hours before it to 30 hours after, so ranges can span a whole day.
const D = Math.floor(now / DAY) * DAY - 2 * DAY;
// makeEvent(i) is alice when i % 5 == 0 and denied (403, forbid) when i % 50 == 0.
const ALICE = "alice@example.com";

type TRequest = { i: number; id: string; ts: Date };
const requests: TRequest[] = Array.from({ length: 500 }, (_, i) => ({ i, id: `req-${i}`, ts: new Date(D - 20 * HOUR + ((i * 7919) % (50 * 60)) * MIN + (i % 60) * 1000) }));

/** The stage rows of a request: every fourth also has RequestReceived (no response yet), half of those ResponseStarted. */
const stagesOf = (r: TRequest) => {
  const stages = ["ResponseComplete", ...(r.i % 4 === 0 ? ["RequestReceived"] : []), ...(r.i % 8 === 4 ? ["ResponseStarted"] : [])];
  return stages.map((stage) => {
    const e: Record<string, unknown> = makeEvent(r.i, { auditID: r.id, stage, ts: r.ts });
    if (stage === "RequestReceived") {
      delete e.responseStatus;
      delete (e.annotations as Record<string, string>)["authorization.k8s.io/decision"];
    }
    return e;
  });
};

let clusterId: string;
let orgId: string;
const write = async (events: unknown[]) => {
  for (let k = 0; k < events.length; k += 97) await writeBatch(clusterId, prepareBatch(events.slice(k, k + 97), { now, retentionDays: 365 }));
};
const detect = () => runAuditDetection({ clusterId, orgId }, { chunk: 37 });

const ROLLUP_ROWS = `
  select 'b' as t, username, bucket as start, '' as kind, '' as verb, '' as value, requests, denied, null::timestamptz as first, null::timestamptz as last from "AuditPrincipalBucket"
  union all select 'h', username, hour, kind, verb, value, requests, 0, first, last from "AuditPrincipalHourly"
  union all select 'd', username, day, kind, verb, value, requests, 0, first, last from "AuditPrincipalDaily"
  order by 1, 2, 3, 4, 5, 6`;

/** What the pages showed before the rollups: every aggregate read from the principal's raw rows in the range. */
const fromRawRows = async (from: Date, to: Date) => {
  const pool = getPool();
  const where = "cluster_id = $1 and username = $2 and ts >= $3 and ts < $4";
  const params = [clusterId, ALICE, from, to];
  const pairs = await pool.query(
    `select * from (select cluster_id as "clusterId", verb, coalesce(resource || coalesce('/' || subresource, ''), '') as resource, count(distinct audit_id)::int as events, min(ts) as first, max(ts) as last
       from audit_events where ${where} group by 1, 2, 3) p order by events desc, verb collate "C", resource collate "C" limit 500`,
    params,
  );
  const values = async (column: string) =>
    (await pool.query(`select * from (select ${column} as value, count(distinct audit_id)::int as events, min(ts) as first, max(ts) as last from audit_events where ${where} and ${column} is not null group by 1) v
      order by events desc, value collate "C" limit 50`, params)).rows.map(
      (x) => ({ value: x.value, events: x.events, firstSeen: x.first.toISOString(), lastSeen: x.last.toISOString() }),
    );
  const bucketSeconds = bucketSecondsFor(from, to);
  const buckets = await pool.query<{ t: string; events: number; denied: number }>(
    `select (floor(extract(epoch from ts) / $5) * $5 * 1000)::bigint::text as t, count(*)::int as events, (count(*) filter (where denied))::int as denied
       from (select ts, bool_or(coalesce(code >= 400 or decision = 'forbid', false)) as denied from audit_events where ${where} group by audit_id, ts) r group by 1`,
    [...params, bucketSeconds],
  );
  return {
    pairs: pairs.rows.map((x) => ({ clusterId: x.clusterId, verb: x.verb, resource: x.resource, events: x.events, firstSeen: x.first.toISOString(), lastSeen: x.last.toISOString() })),
    sourceIps: await values("source_ip"),
    userAgents: await values("user_agent"),
    buckets: Object.fromEntries(buckets.rows.map((x) => [Number(x.t), { events: x.events, denied: x.denied }])),
  };
};

const RANGES: Array<[string, number, number]> = [
  ["a whole day, hours and minutes at each end", D - 19 * HOUR - 7 * MIN - 3000, D + 29 * HOUR + 11 * MIN],
  ["hours and minutes, no whole day", D + 2 * HOUR + 5 * MIN, D + 7 * HOUR + 13 * MIN],
  ["ninety minutes (minute bars, raw rows only)", D + 3 * HOUR + 30 * MIN, D + 5 * HOUR],
  ["whole hours only", D - 3 * HOUR, D + 4 * HOUR],
];

const expectSameAsRawRows = async () => {
  for (const [label, a, b] of RANGES) {
    const [from, to] = [new Date(a), new Date(b)];
    const got = await principalSummary(getPool(), { clusterIds: [clusterId], from, to, username: ALICE }, await unprocessedTails(getPool(), [clusterId]));
    const want = await fromRawRows(from, to);
    expect(got.pairs, label).toEqual(want.pairs);
    expect(got.sourceIps, label).toEqual(want.sourceIps);
    expect(got.userAgents, label).toEqual(want.userAgents);
    const nonEmpty = Object.fromEntries(got.timeline.points.filter((p) => p.events > 0).map((p) => [p.t, { events: p.events, denied: p.denied }]));
    expect(nonEmpty, label).toEqual(want.buckets);
    expect(got.timeline.points.length, label).toBe(Math.floor((b - 1) / 1000 / got.timeline.bucketSeconds) - Math.floor(a / 1000 / got.timeline.bucketSeconds) + 1);
  }
};

// Stages of one request are written in different batches and read in different chunks of the worker, later
// stages first; every eighth request's ResponseComplete only after the worker ran (requests 200 and 400 are
// alice's and denied: the denial comes with that late stage).
const early = [...requests.flatMap((r) => stagesOf(r).slice(1)), ...requests.filter((r) => r.i % 8 !== 0).map((r) => stagesOf(r)[0])];
const late = requests.filter((r) => r.i % 8 === 0).map((r) => stagesOf(r)[0]);
const newcomers = Array.from({ length: 40 }, (_, k) => 500 + k * 5).map((i) => stagesOf({ i, id: `late-${i}`, ts: new Date(D + 5 * HOUR + i * 1000) })).flat();

beforeAll(async () => {
  const org = await createOrg();
  orgId = org.id;
  clusterId = (await createAuditCluster(org.id)).cluster.id;
  await write(early);
});

describe("principal rollups", () => {
  it("answer as the principal's raw rows do before the worker ran (everything from raw rows)", async () => {
    await expectSameAsRawRows();
  });

  it("answer the same once the worker folded the events in, 37 rows a chunk, and after stages and requests it has not read yet", async () => {
    expect((await detect()).caughtUp).toBe(true);
    const rows = (await getPool().query(`select count(*)::int as n from "AuditPrincipalHourly"`)).rows[0].n;
    expect(rows).toBeGreaterThan(0);
    await expectSameAsRawRows();
    // Late stages of counted requests (one turns a request denied) and new requests, in the covered hours.
    await write([...late, ...newcomers]);
    await expectSameAsRawRows();
    await detect();
    await expectSameAsRawRows();
  });

  it("hold what the SQL backfill computes from the processed events", async () => {
    const pool = getPool();
    const byWorker = (await pool.query(ROLLUP_ROWS)).rows;
    const denied = byWorker.filter((x) => x.t === "b").reduce((n, x) => n + x.denied, 0);
    expect(denied).toBeGreaterThan(0);
    await pool.query(`truncate "AuditPrincipalBucket", "AuditPrincipalHourly", "AuditPrincipalDaily"`);
    const c = await pool.connect();
    try {
      await backfillPrincipalRollups(c);
    } finally {
      c.release();
    }
    expect((await pool.query(ROLLUP_ROWS)).rows).toEqual(byWorker);
  });

  it("are deleted with the events retention drops", async () => {
    const pool = getPool();
    const old = new Date(now - 40 * DAY);
    await pool.query(`insert into "AuditPrincipalBucket" values ($1, $2, $3, 1, 0)`, [clusterId, ALICE, old]);
    await pool.query(`insert into "AuditPrincipalDaily" values ($1, $2, $3, 'pair', 'get', 'pods', 1, $3, $3)`, [clusterId, ALICE, old]);
    const before = (await pool.query(ROLLUP_ROWS)).rows.length;
    await applyAuditRetention({ now: new Date(now), retentionDays: 30 });
    const after = (await pool.query(ROLLUP_ROWS)).rows;
    expect(after.length).toBe(before - 2);
    expect(after.some((x) => x.start.getTime() === old.getTime())).toBe(false);
  });
});
