import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMember, createOrg } from "@/lib/db/test/factories";
import { authorizeWithPassword } from "./options";

describe("email + password sign-in", async () => {
  const org = await createOrg();
  const password = "correct horse battery";
  const alice = await createMember(org.id, "analyst", { password });

  it("accepts the right password, records the sign-in in the audit trail", async () => {
    const user = await authorizeWithPassword({ email: alice.user.email.toUpperCase(), password }, { "x-forwarded-for": "10.9.8.7" });
    expect(user?.id).toBe(alice.user.id);
    const entry = await db.auditLog.findFirst({ where: { actorId: alice.user.id, action: "user.sign_in" } });
    expect(entry?.orgId).toBe(org.id);
  });

  it("gives the same generic answer for a wrong password and an unknown email", async () => {
    expect(await authorizeWithPassword({ email: alice.user.email, password: "wrong" }, {})).toBeNull();
    expect(await authorizeWithPassword({ email: "nobody@example.test", password: "wrong" }, {})).toBeNull();
  });

  it("stores only an argon2id hash", async () => {
    const row = await db.user.findUniqueOrThrow({ where: { id: alice.user.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);
  });

  it("rate-limits an email after 5 failures, even with the right password", async () => {
    const bob = await createMember(org.id, "viewer", { password });
    for (let i = 0; i < 5; i++) expect(await authorizeWithPassword({ email: bob.user.email, password: "nope" }, {})).toBeNull();
    await expect(authorizeWithPassword({ email: bob.user.email, password }, {})).rejects.toThrow("RateLimited");
  });

  it("refuses disabled users", async () => {
    const carol = await createMember(org.id, "viewer", { password });
    await db.user.update({ where: { id: carol.user.id }, data: { disabled: true } });
    expect(await authorizeWithPassword({ email: carol.user.email, password }, {})).toBeNull();
  });
});
