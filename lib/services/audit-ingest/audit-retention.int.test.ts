import { describe, expect, it } from "vitest";
import { db, getPool } from "@/lib/db";
import { createOrg } from "@/lib/db/test/factories";
import { listPartitions } from "@/lib/ingest/partitions";
import { writeBatch } from "@/lib/ingest/write-batch";
import { createAuditCluster, makeEvent } from "@/lib/ingest/test/audit-events";
import { prepareBatch } from "@/lib/ingest/prepare-batch";
import { applyAuditRetention } from "./apply-audit-retention";

const DAY = 86_400_000;

describe("audit.retention", () => {
  it("drops partitions wholly older than the retention, keeps recent ones, and clears old rejected rows", async () => {
    const org = await createOrg();
    const { cluster } = await createAuditCluster(org.id);
    const now = Date.now();
    const ages = [100, 95, 91, 89, 10, 0];
    const records = ages.map((d, i) => makeEvent(i, { ts: new Date(now - d * DAY) }));
    // Written with a long retention so that the old days exist; then retention runs with 90 days.
    const batch = prepareBatch(records, { now, retentionDays: 365 });
    expect(batch.rows).toHaveLength(ages.length);
    await writeBatch(cluster.id, batch);
    await db.auditRejectedEvent.create({ data: { clusterId: cluster.id, reason: "old", raw: "x", receivedAt: new Date(now - 120 * DAY) } });
    const day = (d: number) => `audit_events_${new Date(now - d * DAY).toISOString().slice(0, 10).replaceAll("-", "")}`;
    const partitions = async () => {
      const client = await getPool().connect();
      try {
        return await listPartitions(client);
      } finally {
        client.release();
      }
    };
    const before = await partitions();
    for (const d of ages) expect(before).toContain(day(d));

    const result = await applyAuditRetention({ now: new Date(now), retentionDays: 90 });
    const after = await partitions();
    expect(result.dropped).toEqual(expect.arrayContaining([day(100), day(95), day(91)]));
    for (const d of [100, 95, 91]) expect(after).not.toContain(day(d));
    for (const d of [89, 10, 0]) expect(after).toContain(day(d));
    const left = await getPool().query<{ n: number }>("select count(*)::int as n from audit_events where cluster_id = $1", [cluster.id]);
    expect(left.rows[0].n).toBe(3);
    expect(await db.auditRejectedEvent.count({ where: { clusterId: cluster.id } })).toBe(0);
    expect((await applyAuditRetention({ now: new Date(now), retentionDays: 90 })).dropped).toEqual([]);
  });
});
