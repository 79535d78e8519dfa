import { expect, test } from "@playwright/test";
import { E2E_ADMIN, screenshot, signIn, signOut, trackConsoleErrors } from "./helpers";

const PAGES = [
  { path: "/", heading: "Overview" },
  { path: "/clusters", heading: "Clusters" },
  { path: "/findings", heading: "Findings" },
  { path: "/compliance", heading: "Compliance" },
  { path: "/investigations", heading: "Investigations" },
  { path: "/reports", heading: "Reports" },
  { path: "/settings", heading: "Settings" },
];

test("anonymous visitors are sent to sign-in; a wrong password gets a generic message", async ({ page }) => {
  await page.goto("/findings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ffindings/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator(".alert-error")).toHaveText("Wrong email or password.");
  await screenshot(page, "signin-error");
});

test("every main page renders without console errors (owner)", async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  for (const p of PAGES) {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await expect(page.locator(`nav a[aria-current="page"]`)).toHaveText(p.heading);
    await screenshot(page, `page${p.path === "/" ? "-overview" : p.path.replace(/\//g, "-")}`);
  }
  await page.goto("/settings");
  await page.getByRole("tab", { name: "System health" }).click();
  await expect(page.getByTestId("workers-alive").locator(".stat")).toHaveText(/^[1-9]/);
  await screenshot(page, "settings-system-health");
  expect(errors).toEqual([]);
});

test("owner invites a viewer; the viewer signs in and cannot reach admin actions", async ({ page, browser }) => {
  const errors = trackConsoleErrors(page);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/settings");
  const viewerEmail = `viewer-${Date.now()}@e2e.test`;
  await page.getByLabel("Email to invite").fill(viewerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await page.getByTestId("invitation-link").locator("code").textContent())!;
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
  await screenshot(page, "settings-invited");
  await page.getByRole("tab", { name: "Audit trail" }).click();
  await expect(page.getByTestId("audit-row").filter({ hasText: "invitation.create" }).first()).toBeVisible();
  await signOut(page);

  const viewer = await browser.newContext();
  const vp = await viewer.newPage();
  const viewerErrors = trackConsoleErrors(vp);
  await vp.goto(link);
  await expect(vp.getByRole("heading", { name: "Join E2E Corp" })).toBeVisible();
  await vp.getByLabel("Your name").fill("Vera Viewer");
  await vp.getByLabel(/Choose a password/).fill("viewer-password-123");
  await vp.getByRole("button", { name: "Create account" }).click();
  await expect(vp.getByText(`Your account ${viewerEmail} is ready`)).toBeVisible();
  await signIn(vp, viewerEmail, "viewer-password-123");
  await expect(vp.getByTestId("user-role")).toHaveText("viewer");
  await vp.goto("/settings");
  await expect(vp.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  await expect(vp.getByRole("tab", { name: "Audit trail" })).toHaveCount(0);
  await expect(vp.getByTestId("viewer-note")).toBeVisible();
  await screenshot(vp, "settings-as-viewer");
  // The server refuses too, not only the UI.
  const attempt = await vp.request.post("/api/v1/invitations", { data: { email: "x@e2e.test", role: "viewer" }, headers: { origin: new URL(vp.url()).origin } });
  expect(attempt.status()).toBe(403);
  expect(await attempt.json()).toMatchObject({ code: "forbidden" });
  await signOut(vp);
  await vp.goto("/settings");
  await expect(vp).toHaveURL(/\/signin/);
  expect([...errors, ...viewerErrors]).toEqual([]);
  await viewer.close();
});
