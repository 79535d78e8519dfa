import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { createMember, createOrg, seedClusterData, seedIncidentData } from "@/lib/db/test/factories";
import { getPrincipalActivity } from "./get-principal-activity";
import { getRawEvent } from "./get-raw-event";
import { getResourceActivity } from "./get-resource-activity";

const SHARED_PRINCIPAL = "system:serviceaccount:shop:deployer";

const setup = async () => {
  const org = await createOrg();
  const m = await createMember(org.id, "viewer");
  const { cluster } = await seedClusterData(org.id);
  const seeded = await seedIncidentData(org.id, cluster.id, { principal: SHARED_PRINCIPAL });
  const ctx: Ctx = { user: { id: m.user.id, email: m.user.email, name: null }, org, role: "viewer", requestId: "test" };
  return { org, cluster, seeded, ctx };
};

let A: Awaited<ReturnType<typeof setup>>;
let B: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  A = await setup();
  B = await setup();
});

describe("principal activity", () => {
  it("highlights verb+resource pairs first used in the range, not ones used before it", async () => {
    const p = await getPrincipalActivity({ ctx: A.ctx, input: { principal: SHARED_PRINCIPAL, range: "1h" } });
    expect(p.isServiceAccount).toBe(true);
    const row = (verb: string, resource: string) => p.activity.find((a) => a.verb === verb && a.resource === resource);
    expect(row("list", "pods")).toMatchObject({ events: 1, isFirstSeen: false });
    expect(row("create", "pods/exec")).toMatchObject({ events: 1, isFirstSeen: true });
    expect(row("create", "clusterrolebindings")?.isFirstSeen).toBe(true);
    expect(p.total).toBe(6);
    expect(p.sourceIps.map((s) => s.value)).toEqual(["203.0.113.7"]);
    expect(p.events).toHaveLength(6);
  });

  it("over a range that includes the old event, nothing before it is first-seen except by the range", async () => {
    const p = await getPrincipalActivity({ ctx: A.ctx, input: { principal: SHARED_PRINCIPAL, range: "24h" } });
    expect(p.activity.find((a) => a.verb === "list" && a.resource === "pods")).toMatchObject({ events: 2, isFirstSeen: true });
  });

  it("never returns another org's events for the same principal name, and refuses another org's cluster", async () => {
    const p = await getPrincipalActivity({ ctx: A.ctx, input: { principal: SHARED_PRINCIPAL, range: "24h" } });
    expect(p.clusters.map((c) => c.id)).toEqual([A.cluster.id]);
    expect(p.events.every((e) => e.clusterId === A.cluster.id)).toBe(true);
    expect(p.total).toBe(7);
    await expect(getPrincipalActivity({ ctx: A.ctx, input: { principal: SHARED_PRINCIPAL, cluster: B.cluster.id } })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("resource activity", () => {
  it("says who touched an object and how", async () => {
    const r = await getResourceActivity({ ctx: A.ctx, input: { cluster: A.cluster.id, namespace: "shop", resource: "pods", name: A.seeded.pod } });
    expect(r.touchers).toEqual([expect.objectContaining({ username: SHARED_PRINCIPAL, verb: "create", subresource: "exec", events: 1 })]);
    const all = await getResourceActivity({ ctx: A.ctx, input: { cluster: A.cluster.id, namespace: "shop", resource: "pods", range: "7d" } });
    expect(all.total).toBe(3);
    const clusterScoped = await getResourceActivity({ ctx: A.ctx, input: { cluster: A.cluster.id, resource: "clusterrolebindings" } });
    expect(clusterScoped.touchers[0]).toMatchObject({ verb: "create", events: 1 });
  });

  it("refuses another org's cluster", async () => {
    await expect(getResourceActivity({ ctx: A.ctx, input: { cluster: B.cluster.id, namespace: "shop", resource: "pods" } })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("raw event", () => {
  it("returns the stored JSON, the most complete stage unless one is asked for", async () => {
    const e = await getRawEvent({ ctx: A.ctx, auditId: A.seeded.auditIds.exec, input: { cluster: A.cluster.id } });
    expect(e).toMatchObject({ stage: "ResponseComplete", raw: { auditID: A.seeded.auditIds.exec, objectRef: { subresource: "exec" } } });
    const started = await getRawEvent({ ctx: A.ctx, auditId: A.seeded.auditIds.exec, input: { cluster: A.cluster.id, stage: "ResponseStarted" } });
    expect(started.stage).toBe("ResponseStarted");
  });

  it("does not show another org's event, even with its audit id", async () => {
    await expect(getRawEvent({ ctx: A.ctx, auditId: B.seeded.auditIds.exec, input: { cluster: A.cluster.id } })).rejects.toMatchObject({ code: "not_found" });
    await expect(getRawEvent({ ctx: A.ctx, auditId: B.seeded.auditIds.exec, input: { cluster: B.cluster.id } })).rejects.toMatchObject({ code: "not_found" });
  });
});
