import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getPool } from "@/lib/db";
import { createMember, createOrg, ctxFor } from "@/lib/db/test/factories";
import { prepareBatch } from "@/lib/ingest/prepare-batch";
import { createAuditCluster, makeEvent } from "@/lib/ingest/test/audit-events";
import { writeBatch } from "@/lib/ingest/write-batch";
import { applyAuditRetention } from "../audit-ingest/apply-audit-retention";
import { runAuditDetection } from "../audit-ingest/run-audit-detection";
import { getPrincipalActivity } from "./get-principal-activity";

const DAY = 86_400_000;
const MIN = 60_000;
const ALICE = "alice@example.com";

/** The query principal activity ran before AuditFirstSeen: every retained event of the principal, from time 0. */
const firstSeenBefore = async (clusterId: string, from: Date) => {
  const r = await getPool().query<{ k: string; first_ever: Date }>(
    `select verb || ' ' || coalesce(resource || coalesce('/' || subresource, ''), '') as k, min(ts) as first_ever
       from audit_events where cluster_id = $1 and username = $2 group by 1 having max(ts) >= $3`,
    [clusterId, ALICE, from],
  );
  return Object.fromEntries(r.rows.map((x) => [x.k, x.first_ever >= from]));
};

let ctx: Ctx;
let clusterId: string;
let orgId: string;
const now = Date.now();
// makeEvent(i) is alice when i % 5 == 0; verb and resource follow i % 7: 0/35 get pods, 5/40 patch endpoints, 10/45 create services.
const write = async (events: Array<[number, number]>) => {
  const batch = prepareBatch(events.map(([i, age]) => makeEvent(i, { ts: new Date(now - age) })), { now, retentionDays: 365 });
  await writeBatch(clusterId, batch);
};
const answer = async () => {
  const p = await getPrincipalActivity({ ctx, input: { principal: ALICE, range: "1h" } });
  return Object.fromEntries(p.activity.map((a) => [`${a.verb} ${a.resource}`, a.isFirstSeen]));
};
const detect = () => runAuditDetection({ clusterId, orgId }, { chunk: 2 });
const tableDays = async () =>
  (await getPool().query<{ d: string }>(`select verb || ' ' || resource || ' ' || day::text as d from "AuditFirstSeen" where "clusterId" = $1 and username = $2 order by 1`, [clusterId, ALICE])).rows.map((x) => x.d);

beforeAll(async () => {
  const org = await createOrg();
  orgId = org.id;
  ctx = ctxFor(org, await createMember(org.id, "viewer"));
  clusterId = (await createAuditCluster(org.id)).cluster.id;
  await write([[0, 40 * DAY], [5, 2 * DAY], [35, 30 * MIN], [40, 20 * MIN], [10, 10 * MIN]]);
});

describe("principal activity with AuditFirstSeen", () => {
  it("gives the same first-seen answers before and after the detection worker folded the events in, chunk by chunk", async () => {
    const from = new Date(Date.now() - 3_600_000);
    const before = await answer();
    expect(before).toEqual({ "get pods": false, "patch endpoints": false, "create services": true });
    expect(before).toEqual(await firstSeenBefore(clusterId, from));
    const run = await detect();
    expect(run.caughtUp).toBe(true);
    expect(await answer()).toEqual(before);
    const day = (age: number) => new Date(now - age).toISOString().slice(0, 10);
    expect(await tableDays()).toEqual(expect.arrayContaining([`get pods ${day(40 * DAY)}`, `get pods ${day(30 * MIN)}`, `patch endpoints ${day(2 * DAY)}`]));
  });

  it("counts an older event that arrives late, before and after the worker reaches it, and keeps the earliest time", async () => {
    await write([[45, 2 * DAY - 5 * MIN]]);
    const from = new Date(Date.now() - 3_600_000);
    expect((await answer())["create services"]).toBe(false);
    expect(await answer()).toEqual(await firstSeenBefore(clusterId, from));
    await detect();
    expect((await answer())["create services"]).toBe(false);
    await write([[45, 2 * DAY]]);
    await detect();
    const first = await getPool().query<{ first: Date }>(`select min("firstSeen") as first from "AuditFirstSeen" where "clusterId" = $1 and verb = 'create' and resource = 'services' and "firstSeen" < $2`, [clusterId, from]);
    expect(first.rows[0].first.getTime()).toBe(now - 2 * DAY);
  });

  it("forgets uses in partitions that retention dropped, as the old query did", async () => {
    await applyAuditRetention({ now: new Date(now), retentionDays: 30 });
    const from = new Date(Date.now() - 3_600_000);
    expect((await answer())["get pods"]).toBe(true);
    expect(await answer()).toEqual(await firstSeenBefore(clusterId, from));
    await write([[15, 5 * MIN]]);
    await detect();
    expect((await tableDays()).some((d) => d.endsWith(new Date(now - 40 * DAY).toISOString().slice(0, 10)))).toBe(false);
    expect(await answer()).toEqual(await firstSeenBefore(clusterId, from));
  });

  it("cannot see another org's first uses", async () => {
    const other = await createOrg();
    const otherCtx = ctxFor(other, await createMember(other.id, "viewer"));
    await expect(getPrincipalActivity({ ctx: otherCtx, input: { principal: ALICE, cluster: clusterId } })).rejects.toMatchObject({ code: "not_found" });
    const p = await getPrincipalActivity({ ctx: otherCtx, input: { principal: ALICE, range: "7d" } });
    expect(p.activity).toEqual([]);
  });
});
