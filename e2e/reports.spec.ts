import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_CLUSTER_DIR, startSimulator, type SimHandle } from "../lib/sim";
import { E2E_ADMIN, screenshot, signIn, trackConsoleErrors } from "./helpers";

let sim: SimHandle;
test.beforeAll(async () => {
  sim = await startSimulator({ dir: DEMO_CLUSTER_DIR, port: 0 });
});
test.afterAll(async () => sim?.close());

const api = (page: Page) => ({ headers: { origin: new URL(page.url()).origin } });

/** Onboards the simulator's demo cluster through the API, as the Add clusters page does, and waits for its first scan. */
const onboardCluster = async (page: Page) => {
  const res = await page.request.post("/api/v1/clusters", { ...api(page), data: { kubeconfig: sim.kubeconfig, contexts: [{ context: "tower-sim", name: "reports-sim", environment: "prod" }] } });
  expect(res.status()).toBe(200);
  const [cluster] = (await res.json()) as Array<{ id: string }>;
  await expect.poll(async () => (await (await page.request.get(`/api/v1/clusters/${cluster.id}`)).json()).lastGoodScanAt, { timeout: 120_000, intervals: [1000] }).not.toBeNull();
  // The scan queues posture.snapshot; its daily rollups feed the findings chart.
  await expect.poll(async () => (await (await page.request.get("/api/v1/overview?range=30")).json()).findings.recorded, { timeout: 60_000, intervals: [1000] }).toBe(true);
  return cluster.id;
};

test("overview, compliance drill-down, and a PDF report downloaded with a matching SHA-256", async ({ page }) => {
  test.setTimeout(300_000);
  const errors = trackConsoleErrors(page);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await onboardCluster(page);

  await page.goto("/");
  await expect(page.getByTestId("fleet-score").getByTestId("score-value")).toHaveText(/^\d+\.\d$/);
  await expect(page.getByTestId("fleet-score")).toContainText("100 × (pass + 0.5 × partial) / (pass + fail + partial)");
  await expect(page.getByTestId("score-trend").locator(".recharts-surface")).toBeVisible();
  await expect(page.getByTestId("score-trend")).toContainText(/\d+\.\d/);
  await expect(page.getByTestId("findings-trend").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("findings-totals")).toContainText("Open now");
  await expect(page.getByTestId("riskiest-clusters")).toContainText("reports-sim");
  await expect(page.getByTestId("top-rules").locator("tbody tr").first()).toBeVisible();
  await screenshot(page, "overview");
  await page.getByRole("group", { name: "Range" }).getByRole("button", { name: "90 days" }).click();
  await expect(page.getByRole("heading", { name: /Findings by severity, last 90 days/ })).toBeVisible();
  await screenshot(page, "overview-90-days");

  await page.goto("/compliance");
  await expect(page.getByTestId("framework-cis")).toContainText(/\d+\.\d/);
  await screenshot(page, "compliance");
  await page.getByTestId("framework-cis").click();
  await expect(page).toHaveURL(/\/compliance\/cis$/);
  await expect(page.getByTestId("framework-score")).toContainText("not-assessable");
  const failing = page.locator('[data-testid="control-row"][data-status="fail"]').first();
  await expect(failing).toBeVisible();
  await screenshot(page, "compliance-cis");
  await failing.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/compliance\/cis\/[\d.]+$/);
  await expect(page.getByTestId("control-summary")).toContainText("fail");
  await expect(page.getByTestId("failing-resource").first().locator('a[href^="/findings/"]').first()).toBeVisible();
  await screenshot(page, "compliance-control");

  await page.goto("/reports");
  const form = page.getByTestId("report-form");
  await form.getByLabel("What").selectOption("compliance");
  await form.getByLabel("Framework").selectOption("cis");
  await form.getByLabel("Format").selectOption("pdf");
  await form.getByRole("button", { name: "Generate report" }).click();
  const row = page.getByTestId("report-row").first();
  await expect(row).toContainText("CIS compliance");
  if (await page.getByTestId("report-progress").isVisible()) await screenshot(page, "reports-progress");
  await expect(row).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await expect(row).toContainText(E2E_ADMIN.email);
  const shown = (await row.getByTestId("report-sha256").textContent())!.trim();
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^tower-cis-1\.12-fleet-\d{4}-\d\d-\d\d\.pdf$/);
  const file = fs.readFileSync((await download.path())!);
  expect(file.subarray(0, 5).toString()).toBe("%PDF-");
  expect(file.length).toBeGreaterThan(5_000);
  expect(crypto.createHash("sha256").update(file).digest("hex")).toBe(shown);
  await expect(row.getByTestId("report-size")).toHaveText(/KB|MB/);

  const schedules = page.getByTestId("schedules");
  await schedules.getByLabel("Cadence").selectOption("monthly");
  await schedules.getByRole("button", { name: "Add schedule" }).click();
  await expect(schedules.getByTestId("schedule-row")).toHaveCount(1);
  await screenshot(page, "reports");
  expect(errors).toEqual([]);
});
