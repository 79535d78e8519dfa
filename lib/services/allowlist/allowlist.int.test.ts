import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { TRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createMember, createOrg, seedClusterData, seedIncidentData } from "@/lib/db/test/factories";
import { createAllowListEntry } from "./create-allowlist-entry";
import { deleteAllowListEntry } from "./delete-allowlist-entry";
import { listAllowListEntries } from "./list-allowlist-entries";

const setup = async () => {
  const org = await createOrg();
  const ctxAs = async (role: TRole): Promise<Ctx> => {
    const m = await createMember(org.id, role);
    return { user: { id: m.user.id, email: m.user.email, name: null }, org, role, requestId: "test" };
  };
  const { cluster } = await seedClusterData(org.id);
  const seeded = await seedIncidentData(org.id, cluster.id);
  return { org, cluster, seeded, analyst: await ctxAs("analyst"), viewer: await ctxAs("viewer") };
};

let A: Awaited<ReturnType<typeof setup>>;
let B: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  A = await setup();
  B = await setup();
});

describe("allow-list", () => {
  it("an analyst adds and removes an entry, with an audit trail row for each", async () => {
    const e = await createAllowListEntry({ ctx: A.analyst, input: { principal: "system:serviceaccount:argocd:*", detectionId: "TWD-0035", clusterId: A.cluster.id, reason: "Argo CD applies RBAC" } });
    expect(e).toMatchObject({ detectionTitle: expect.stringContaining("cluster-admin"), cluster: { id: A.cluster.id, name: A.cluster.name }, createdBy: A.analyst.user.email });
    expect((await listAllowListEntries({ ctx: A.viewer })).map((x) => x.id)).toContain(e.id);
    await deleteAllowListEntry({ ctx: A.analyst, entryId: e.id });
    expect((await listAllowListEntries({ ctx: A.viewer })).map((x) => x.id)).not.toContain(e.id);
    const actions = (await db.auditLog.findMany({ where: { orgId: A.org.id, targetId: e.id } })).map((l) => l.action).sort();
    expect(actions).toEqual(["allowlist.create", "allowlist.delete"]);
  });

  it("rejects a viewer, a bare wildcard and unknown detections", async () => {
    await expect(createAllowListEntry({ ctx: A.viewer, input: { principal: "bob", reason: "why not" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteAllowListEntry({ ctx: A.viewer, entryId: A.seeded.allowListEntry.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createAllowListEntry({ ctx: A.analyst, input: { principal: "*", reason: "everyone" } })).rejects.toThrow();
    await expect(createAllowListEntry({ ctx: A.analyst, input: { principal: "bob", detectionId: "TWD-9999", reason: "nope" } })).rejects.toThrow();
  });

  it("cannot see, use or delete another org's entries and clusters", async () => {
    expect((await listAllowListEntries({ ctx: A.viewer })).map((x) => x.id)).not.toContain(B.seeded.allowListEntry.id);
    await expect(deleteAllowListEntry({ ctx: A.analyst, entryId: B.seeded.allowListEntry.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(createAllowListEntry({ ctx: A.analyst, input: { principal: "bob", clusterId: B.cluster.id, reason: "their cluster" } })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.auditAllowListEntry.count({ where: { id: B.seeded.allowListEntry.id } })).toBe(1);
  });
});
