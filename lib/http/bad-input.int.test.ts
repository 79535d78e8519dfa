import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/db/test/call-route";
import { createMember, createOrg } from "@/lib/db/test/factories";
import { POST as createInvitationRoute } from "@/app/api/v1/invitations/route";
import { PATCH as updateOrgRoute } from "@/app/api/v1/org/route";

describe("bad input on API routes answers 4xx problem+json, never 500", async () => {
  const org = await createOrg();
  const owner = await createMember(org.id, "owner");

  const expectProblem = (res: Awaited<ReturnType<typeof callRoute>>, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({ status, requestId: expect.any(String), detail: expect.any(String) });
    expect(res.headers.get("x-request-id")).toBe(res.json.requestId);
  };

  it("malformed JSON -> 400 naming the problem", async () => {
    const res = await callRoute(updateOrgRoute, { method: "PATCH", path: "/api/v1/org", rawBody: '{"name": "x",', cookie: owner.cookie });
    expectProblem(res, 400);
    expect(res.json.detail).toMatch(/not valid JSON/);
  });

  it("schema violations -> 400 with invalid_params", async () => {
    const res = await callRoute(createInvitationRoute, { method: "POST", path: "/api/v1/invitations", body: { email: "not-an-email", role: "god" }, cookie: owner.cookie });
    expectProblem(res, 400);
    expect(res.json.invalid_params.map((p: { name: string }) => p.name).sort()).toEqual(["body.email", "body.role"]);
  });

  it("oversized body -> 413", async () => {
    const res = await callRoute(updateOrgRoute, { method: "PATCH", path: "/api/v1/org", rawBody: JSON.stringify({ name: "x".repeat(2_000_000) }), cookie: owner.cookie });
    expectProblem(res, 413);
  });

  it("a body that is not JSON -> 415", async () => {
    const res = await callRoute(updateOrgRoute, { method: "PATCH", path: "/api/v1/org", rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" }, cookie: owner.cookie });
    expectProblem(res, 415);
  });

  it("a cross-site mutation is refused (CSRF) and changes nothing", async () => {
    const res = await callRoute(updateOrgRoute, { method: "PATCH", path: "/api/v1/org", body: { name: "pwned" }, cookie: owner.cookie, headers: { origin: "https://evil.example" } });
    expectProblem(res, 403);
    const { db } = await import("@/lib/db");
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(org.name);
  });

  it("a forged session cookie is refused", async () => {
    const res = await callRoute(updateOrgRoute, { method: "PATCH", path: "/api/v1/org", body: { name: "x" }, cookie: "next-auth.session-token=forged.jwt.value" });
    expectProblem(res, 401);
  });
});
