import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { E2E_ADMIN, screenshot, signIn, trackConsoleErrors } from "./helpers";

// Seeds through the real pipeline: a cluster, its audit webhook token, one EventList posted to the ingest
// webhook as kube-apiserver would, and the detection worker turning it into an incident.
const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

const auditEvent = (o: { id: string; stage?: string; user: string; verb: string; uri: string; ref: Record<string, string>; code: number; msAgo: number; level?: string; requestObject?: unknown }) => ({
  kind: "Event", apiVersion: "audit.k8s.io/v1", level: o.level ?? "Metadata", auditID: o.id, stage: o.stage ?? "ResponseComplete", requestURI: o.uri, verb: o.verb,
  user: { username: o.user, groups: ["system:authenticated"] }, sourceIPs: ["198.51.100.23"], userAgent: "kubectl/v1.31.0 (linux/amd64) kubernetes/e2e",
  objectRef: { apiVersion: "v1", ...o.ref }, responseStatus: { metadata: {}, code: o.code },
  requestReceivedTimestamp: at(o.msAgo), stageTimestamp: at(o.msAgo - 50),
  annotations: { "authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": "RBAC: allowed by ClusterRoleBinding \"ops\" of ClusterRole \"cluster-admin\" to Group \"ops\"" },
  ...(o.requestObject ? { requestObject: o.requestObject } : {}),
});

const eventList = (user: string, tag: string) => {
  const pod = { resource: "pods", subresource: "exec", namespace: "shop", name: "web-7d9c5-abcde" };
  const exec = { user, verb: "create", uri: "/api/v1/namespaces/shop/pods/web-7d9c5-abcde/exec?command=sh&container=app&stdin=true&tty=true", ref: pod, code: 101 };
  const binding = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: `e2e-${tag}` }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "User", name: user }] };
  return {
    kind: "EventList", apiVersion: "audit.k8s.io/v1",
    items: [
      auditEvent({ id: `${tag}-list`, user, verb: "list", uri: "/api/v1/namespaces/shop/pods", ref: { resource: "pods", namespace: "shop" }, code: 200, msAgo: 240_000 }),
      auditEvent({ id: `${tag}-exec`, stage: "ResponseStarted", ...exec, msAgo: 180_000 }),
      auditEvent({ id: `${tag}-exec`, ...exec, msAgo: 170_000 }),
      auditEvent({ id: `${tag}-secret`, user, verb: "get", uri: "/api/v1/namespaces/shop/secrets/db-creds", ref: { resource: "secrets", namespace: "shop", name: "db-creds" }, code: 200, msAgo: 120_000 }),
      auditEvent({ id: `${tag}-crb`, user, verb: "create", uri: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", level: "Request", requestObject: binding, ref: { resource: "clusterrolebindings", name: `e2e-${tag}`, apiGroup: "rbac.authorization.k8s.io", apiVersion: "v1" }, code: 201, msAgo: 60_000 }),
    ],
  };
};

const seedIncident = async (request: APIRequestContext, origin: string) => {
  const tag = `e2e${Date.now()}`;
  const user = `eve-${tag}@e2e.test`;
  const created = await request.post("/api/v1/clusters", { headers: { origin }, data: { manual: { name: `audit-${tag}`, server: "https://127.0.0.1:1", token: "t".repeat(24) } } });
  expect(created.status()).toBe(200);
  const clusterId = ((await created.json()) as Array<{ id: string }>)[0].id;
  const token = await request.post(`/api/v1/clusters/${clusterId}/audit/token`, { headers: { origin } });
  expect(token.status()).toBe(200);
  const { token: bearer } = (await token.json()) as { token: string };
  const ingest = await request.post(`/api/v1/audit/ingest/${clusterId}`, { headers: { authorization: `Bearer ${bearer}` }, data: eventList(user, tag) });
  expect(ingest.status()).toBeLessThan(300);
  let incidentId: string | undefined;
  await expect(async () => {
    const res = await request.get(`/api/v1/incidents?principal=${encodeURIComponent(user)}`);
    incidentId = ((await res.json()) as { items: Array<{ id: string }> }).items[0]?.id;
    expect(incidentId).toBeTruthy();
  }).toPass({ timeout: 60_000, intervals: [1000] });
  return { user, tag, clusterId, incidentId: incidentId! };
};

test("an analyst investigates an incident from the ingest webhook, exports it and closes it as a false positive", async ({ page }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const origin = new URL(page.url()).origin;
  const s = await seedIncident(page.request, origin);

  await page.goto("/investigations");
  await expect(page.getByRole("heading", { level: 1, name: "Investigations" })).toBeVisible();
  const row = page.getByTestId("incident-row").filter({ hasText: s.user });
  await expect(row).toBeVisible();
  await screenshot(page, "investigations-list");
  await row.getByRole("link").first().click();

  await expect(page.getByTestId("timeline-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("timeline-chart").getByText("D1", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("incident-story")).toContainText("pods/exec");
  await expect(page.getByTestId("principal-panel")).toContainText("198.51.100.23");
  await screenshot(page, "investigations-incident");

  await page.getByTestId("story-event").filter({ hasText: "pods/exec" }).first().click();
  await expect(page.getByTestId("raw-event-json")).toContainText(`"auditID": "${s.tag}-exec"`);
  await screenshot(page, "investigations-raw-event");
  await page.getByTestId("raw-event-drawer").getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("raw-event-drawer")).toHaveCount(0);

  await page.getByLabel("Status").selectOption("investigating");
  await expect(page.getByTestId("incident-status")).toHaveText("Investigating");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const rows = parse(fs.readFileSync((await download.path())!, "utf8"), { columns: true }) as Array<Record<string, string>>;
  expect(rows.map((r) => r.audit_id)).toContain(`${s.tag}-exec`);
  expect(rows.every((r) => r.username === s.user)).toBe(true);

  await page.getByRole("button", { name: "Close as false positive…" }).click();
  await page.getByLabel("Why is this expected?").fill("Incident drill by the platform team");
  await screenshot(page, "investigations-close-false-positive");
  await page.getByRole("button", { name: "Close incident" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("Closed: false positive");
  await expect(page.getByTestId("incident-notice")).toContainText("allow-list");

  await page.goto("/investigations/allowlist");
  await expect(page.getByTestId("allowlist-row").filter({ hasText: s.user }).first()).toContainText("Incident drill by the platform team");
  await screenshot(page, "investigations-allowlist");

  await page.goto(`/investigations/principals/${encodeURIComponent(s.user)}?cluster=${s.clusterId}&range=1h`);
  await expect(page.getByTestId("first-seen-row").first()).toBeVisible();
  await screenshot(page, "investigations-principal");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/investigations/${s.incidentId}`);
  await expect(page.getByTestId("timeline-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await screenshot(page, "investigations-incident-dark");
  await page.goto(`/investigations/resources?cluster=${s.clusterId}&namespace=shop&resource=pods`);
  await expect(page.getByTestId("resource-touchers")).toContainText(s.user);
  await screenshot(page, "investigations-resource-dark");
  expect(errors).toEqual([]);
});
