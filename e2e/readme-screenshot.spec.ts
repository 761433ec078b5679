import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signInWithSquare, test } from "./fixtures";

// `npm run screenshot`: the pictures in README.md, taken from the real app on the local Square's demo café.

async function signInToDemo(page: Page) {
  await signInWithSquare(page, "Patron Demo Café");
  await expect.poll(async () => (await (await page.request.get("/api/sync/status")).json()).state, { timeout: 120_000 }).toBe("synced");
}

test("README screenshots of the customer directory and a customer's page", async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 780 });
  await signInToDemo(page);
  // The demo's best customers, whoever the generator made them: sorted by lifetime spend.
  await page.goto("/customers?sort=spend");
  const table = page.getByRole("table", { name: "Customers" });
  await expect(table.getByRole("columnheader", { name: "Lifetime spend" })).toHaveAttribute("aria-sort", "descending");
  const top = table.getByRole("row").nth(1);
  const name = (await top.getByRole("link").textContent())!;
  await page.screenshot({ path: path.join("docs", "screenshot.png") });

  await top.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("table", { name: "Orders and payments" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Spend" }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("status", { name: /Loading/ })).toHaveCount(0);
  await page.setViewportSize({ width: 1360, height: 1500 });
  await page.screenshot({ path: path.join("docs", "customer-360.png") });
});

test("README screenshot of the Reports page", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await signInWithSquare(page, "Patron Demo Café");
  await expect.poll(async () => (await (await page.request.get("/api/sync/status")).json()).state, { timeout: 120_000 }).toBe("synced");
  await page.goto("/reports");
  await page.getByRole("navigation", { name: "Quick ranges" }).getByRole("link", { name: "Last 90 days" }).click();
  await expect(page.getByRole("navigation", { name: "Quick ranges" }).getByRole("link", { name: "Last 90 days" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("region", { name: "New and returning customers" }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.screenshot({ path: path.join("docs", "reports.png") });
});
