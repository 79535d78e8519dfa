import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/v1/incidents/[incidentId]/route";
import { GET as exportRoute } from "@/app/api/v1/incidents/[incidentId]/export/route";
import { callRoute } from "@/lib/db/test/call-route";
import { createMember, createOrg, seedClusterData, seedIncidentData } from "@/lib/db/test/factories";

// Through the HTTP wrapper: roles on PATCH, and the streamed export as a browser downloads it.
let s: { incidentId: string; viewer: string; analyst: string };
beforeAll(async () => {
  const org = await createOrg();
  const { cluster } = await seedClusterData(org.id);
  const seeded = await seedIncidentData(org.id, cluster.id);
  s = { incidentId: seeded.incident.id, viewer: (await createMember(org.id, "viewer")).cookie, analyst: (await createMember(org.id, "analyst")).cookie };
});

describe("incident routes", () => {
  it("a viewer gets 403 on PATCH, an analyst 200", async () => {
    const call = (cookie: string) => callRoute(PATCH, { method: "PATCH", path: "/x", params: { incidentId: s.incidentId }, body: { status: "investigating" }, cookie });
    expect((await call(s.viewer)).status).toBe(403);
    const ok = await call(s.analyst);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: "investigating", allowListed: 0 });
  });

  it("streams CSV with a header row and an attachment filename", async () => {
    const res = await callRoute(exportRoute, { method: "GET", path: `/api/v1/incidents/${s.incidentId}/export?format=csv`, params: { incidentId: s.incidentId }, cookie: s.viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="incident-${s.incidentId}.csv"`);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(7);
    expect(Object.keys(rows[0])).toEqual(["ts", "cluster_id", "audit_id", "stage", "verb", "username", "source_ip", "user_agent", "namespace", "resource", "subresource", "name", "api_group", "code", "decision"]);
  });

  it("refuses an unknown format", async () => {
    const res = await callRoute(exportRoute, { method: "GET", path: `/x?format=xlsx`, params: { incidentId: s.incidentId }, cookie: s.viewer });
    expect(res.status).toBe(400);
  });
});
