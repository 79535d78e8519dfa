import { expect, test } from "@playwright/test";
import { DEMO_CLUSTER_DIR, startSimulator, type SimHandle } from "../lib/sim";
import { E2E_ADMIN, screenshot, signIn, trackConsoleErrors } from "./helpers";

let sim: SimHandle;

test.beforeAll(async () => {
  sim = await startSimulator({ dir: DEMO_CLUSTER_DIR, port: 0 });
});

test.afterAll(async () => {
  await sim?.close();
});

test("owner adds the simulated cluster, watches the scan, triages a critical finding and suppresses it", async ({ page }) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);

  // Add clusters: paste the kubeconfig, pick the context, test it, save.
  await page.goto("/clusters");
  await page.getByRole("link", { name: /Add (a )?cluster/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Add clusters" })).toBeVisible();
  await expect(page.getByTestId("reader-manifest")).toContainText("kind: ClusterRole");
  await page.getByLabel("or paste it").fill(sim.kubeconfig);
  await page.getByRole("button", { name: "Read contexts" }).click();
  const row = page.getByTestId("context-row").filter({ hasText: "tower-sim" });
  await expect(row).toBeVisible();
  await expect(row.getByRole("checkbox")).toBeChecked();
  await row.getByLabel("Name in Tower").fill("demo-sim");
  await row.getByLabel("Environment").selectOption("staging");
  await row.getByLabel(/Owner team/).fill("platform");
  await row.getByRole("button", { name: "Test connection" }).click();
  await expect(row.getByTestId("server-version")).toHaveText("v1.28.4");
  await expect(row.getByTestId("coverage-summary")).toHaveText(/^\d+ of \d+$/);
  await expect(row.getByTestId("coverage-table").locator("tbody tr").first()).toBeVisible();
  await screenshot(page, "clusters-add-tested");
  await page.getByRole("button", { name: "Save cluster" }).click();

  // The cluster page polls while the first scan runs.
  await expect(page).toHaveURL(/\/clusters\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "demo-sim" })).toBeVisible();
  if (await page.getByTestId("scan-progress").isVisible()) await screenshot(page, "cluster-scan-progress");
  await expect(page.getByTestId("scan-row").first()).toContainText("succeeded", { timeout: 90_000 });
  await expect(page.getByTestId("scan-progress")).toHaveCount(0);
  await expect(page.getByTestId("cluster-version")).toHaveText("v1.28.4");
  await expect(page.getByTestId("coverage-gaps")).toBeVisible();
  await screenshot(page, "cluster-detail");

  await page.goto("/clusters");
  await expect(page.getByTestId("cluster-row").filter({ hasText: "demo-sim" })).toContainText("critical");
  await screenshot(page, "clusters-list");

  // Explorer: the severity filter lives in the URL.
  await page.goto("/findings");
  await expect(page.getByTestId("finding-row").first()).toBeVisible();
  await page.getByRole("group", { name: "Severity" }).getByRole("button", { name: "critical" }).click();
  await expect(page).toHaveURL(/[?&]severity=critical(&|$)/);
  await expect(page.getByTestId("finding-row").first()).toBeVisible();
  await expect(page.locator('[data-testid="finding-row"]:not([data-severity="critical"])')).toHaveCount(0);
  await screenshot(page, "findings-critical");
  await page.getByRole("button", { name: "By rule" }).click();
  await expect(page).toHaveURL(/groupBy=rule/);
  await expect(page.getByTestId("finding-group").first()).toBeVisible();
  await screenshot(page, "findings-by-rule");
  await page.getByRole("button", { name: "Findings", exact: true }).click();

  // Finding detail: the offending field is highlighted in the object's YAML.
  await page.getByTestId("finding-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/findings\/[\w-]+\?from=/);
  const findingId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("evidence-yaml").locator(".mark-exact").first()).toBeVisible();
  await screenshot(page, "finding-detail");

  // Suppress this finding only.
  const form = page.getByTestId("suppress-form");
  await form.getByLabel("This finding only").check();
  await form.getByLabel("Reason").fill("Accepted in e2e: node agent needs host access");
  await form.getByRole("button", { name: "Accept risk" }).click();
  await expect(page.getByTestId("suppressed-notice")).toContainText("1 finding");
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page.getByTestId("finding-row").first()).toBeVisible();
  const link = page.locator(`a[href^="/findings/${findingId}?"]`);
  await expect(link).toHaveCount(0);
  await page.getByLabel("Show suppressed").click();
  await expect(page).toHaveURL(/suppressed=include/);
  await expect(link).toHaveCount(1);
  await expect(page.getByTestId("finding-row").filter({ has: link })).toContainText("suppressed");
  await screenshot(page, "findings-show-suppressed");

  await page.goto("/settings");
  await page.getByRole("tab", { name: "Audit trail" }).click();
  await expect(page.getByTestId("audit-row").filter({ hasText: "suppression.create" }).first()).toBeVisible();

  // A mechanical fix comes with a suggested patch.
  await page.goto("/findings?rule=privileged-container");
  await page.getByTestId("finding-row").first().getByRole("link").first().click();
  await expect(page.getByTestId("patch-yaml").locator(".mark-exact")).toHaveText(/privileged: false/);
  await screenshot(page, "finding-patch");

  // The same pages in the dark theme.
  await page.getByLabel("Theme").selectOption("dark");
  await page.goto("/findings?severity=critical,high");
  await expect(page.getByTestId("finding-row").first()).toBeVisible();
  await screenshot(page, "findings-dark");
  await page.goto(`/findings/${findingId}`);
  await expect(page.getByTestId("suppression-notice")).toContainText("Accepted in e2e");
  await screenshot(page, "finding-detail-dark");
  await page.goto("/clusters");
  await page.getByTestId("cluster-row").first().getByRole("link").first().click();
  await expect(page.getByTestId("recent-scans")).toBeVisible();
  await screenshot(page, "cluster-detail-dark");
  expect(errors).toEqual([]);
});
