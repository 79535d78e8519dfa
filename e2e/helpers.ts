import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const E2E_ADMIN = { email: "owner@e2e.test", password: "e2e-owner-password" };
export const SCREENSHOT_DIR = path.join(import.meta.dirname, "..", "test-results", "screenshots");

export const signIn = async (page: Page, email: string, password: string) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
};

export const signOut = async (page: Page) => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Tower" })).toBeVisible();
};

/** Collects console errors and page errors (CSP violations show up here too). */
export const trackConsoleErrors = (page: Page) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
};

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
};
