import fs from "node:fs";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { parseCsv } from "../lib/csv/csv";
import { addDays, localToday, startOfLocalDay } from "../lib/reports/time-zone";
import { squareGet } from "./checkout-support";
import { expect, signInWithSquare, test } from "./fixtures";
import { tokenWithScopes } from "./history-support";

/**
 * The demo café's history in the browser: filters that live in the URL, an online order under its
 * payment's customer, a Patron checkout sale, bad filters explained, and CSV downloads whose rows
 * are checked against the local Square's own ListPayments.
 */
test.describe.configure({ mode: "serial" });

const DEMO = "PATRONDEMO001";
const ZONE = "America/Los_Angeles";

interface SquarePayment {
  id: string;
  status: string;
  customer_id?: string;
  total_money: { amount: number };
}

async function signInAndWaitForMirror(page: Page) {
  await signInWithSquare(page, "Patron Demo Café");
  // The first sign-in starts the backfill of the demo's year; the pages read the mirror.
  await expect.poll(async () => (await (await page.request.get("/api/sync/status")).json()).state, { timeout: 120_000, intervals: [250, 500, 1000] }).toBe("synced");
}

/** A quick range link; done once the new page marks it as the current range. */
async function pickRange(page: Page, label: string) {
  const ranges = page.getByRole("navigation", { name: "Quick ranges" });
  await ranges.getByRole("link", { name: label }).click();
  await expect(ranges.getByRole("link", { name: label })).toHaveAttribute("aria-current", "true");
}

async function downloadCsv(page: Page, linkName: string): Promise<string[][]> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const file = await (await download).path();
  return parseCsv(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
}

test("orders: filters in the URL, an online order under its payment's customer, a Patron checkout sale", async ({ page }) => {
  await signInAndWaitForMirror(page);

  // A buyer pays through one of the demo's checkout links (the JSON checkout, as an app would).
  await page.goto("/checkout-links");
  const href = (await page.getByRole("row").filter({ hasText: "Morning coffee & pastry" }).getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;
  const email = `e2e.history.${randomUUID().slice(0, 6)}@example.com`;
  const paid = await page.request.post(`/api/pay/${href.split("/pay/")[1]}`, {
    data: { attempt_id: randomUUID(), source_id: "cnon:card-nonce-ok", buyer: { given_name: "Hedy", family_name: "Lamarr", email_address: email }, save_card: false },
    headers: { "x-forwarded-for": "198.51.100.77" },
  });
  expect(paid.status()).toBe(200);

  await page.goto("/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Source").selectOption("Patron checkout");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/source=Patron\+checkout/);
  const table = page.getByRole("table", { name: "Orders" });
  await expect(table.getByRole("row").filter({ hasText: "Hedy Lamarr" })).toContainText("Patron checkout");

  await filters.getByLabel("Source").selectOption("Square Online");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/source=Square\+Online/);
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  for (const row of (await rows.all()).slice(1, 6)) {
    await expect(row).toContainText("Square Online");
    await expect(row).toContainText("from the payment");
  }

  // The same view is a shareable link, and its first order's page shows the payment's customer.
  const shared = page.url();
  await page.goto(shared);
  await rows.nth(1).getByRole("link", { name: /^Order / }).click();
  await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9]+$/);
  await expect(page.getByText("none (Square often leaves it empty)")).toBeVisible();
  const attributed = page.getByRole("region", { name: "Attributed to" });
  await expect(attributed.getByRole("link")).toHaveAttribute("href", /^\/customers\/[A-Za-z0-9]+$/);
  await expect(attributed).toContainText("from the payment");
  await expect(page.getByRole("table", { name: "Line items" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("table", { name: "Tenders" })).toContainText("••••");
  const payments = page.getByRole("list", { name: "Payments on this order" });
  await expect(payments.getByRole("link", { name: /^Receipt/ })).toHaveAttribute("href", /receipt/);

  // Sales with no customer are flagged, not hidden.
  await page.goto("/orders?customer=without");
  await expect(page.getByRole("table", { name: "Orders" }).getByRole("row").nth(1)).toContainText("No customer");

  // A bad filter is explained, not ignored.
  await page.goto("/orders?from=2026-02-30&state=SHIPPED");
  const alert = page.getByRole("alert").filter({ hasText: "These filters cannot be used" });
  await expect(alert).toContainText("“From” is not a real date.");
  await expect(alert).toContainText("“State” must be one of OPEN, COMPLETED, CANCELED, DRAFT.");
});

test("payments: status and card brand filters, a payment's page, a CSV that matches Square's ListPayments", async ({ page }) => {
  await signInAndWaitForMirror(page);
  await page.goto("/payments");
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Status").selectOption("COMPLETED");
  await filters.getByLabel("Card brand").selectOption("VISA");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=COMPLETED/);
  const table = page.getByRole("table", { name: "Payments" });
  for (const row of (await table.getByRole("row").all()).slice(1, 6)) await expect(row).toContainText("Visa ••••");
  await table.getByRole("row").nth(1).getByRole("link", { name: /^Payment / }).click();
  await expect(page.getByRole("region", { name: "Card" })).toContainText("Visa");
  await expect(page.getByRole("region", { name: "Order" }).getByRole("link", { name: /^Order / })).toBeVisible();

  // Last 7 days, every status and brand: the download must hold exactly Square's payments of those days.
  await page.goto("/payments");
  await pickRange(page, "Last 7 days");
  const to = localToday(ZONE);
  const from = addDays(to, -6);
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  // The form shows the range the link chose, so the next Apply keeps it.
  await expect(filters.getByLabel("From", { exact: true })).toHaveValue(from);
  await expect(filters.getByLabel("To", { exact: true })).toHaveValue(to);
  const description = await page.getByRole("heading", { level: 1, name: "Payments" }).locator("xpath=following-sibling::p").textContent();
  const shown = Number(/^([\d,]+) payments/.exec(description ?? "")?.[1].replace(/,/g, ""));

  const [header, ...rows] = await downloadCsv(page, "Export payments (CSV)");
  await expect(page.getByRole("status").filter({ hasText: "Downloaded" })).toHaveText(`Downloaded ${rows.length.toLocaleString("en-US")} rows.`);
  expect(rows.length).toBe(shown);
  const col = (name: string) => header.indexOf(name);

  const token = await tokenWithScopes(DEMO, ["PAYMENTS_READ"]);
  const square: SquarePayment[] = [];
  for (let cursor: string | undefined; ; ) {
    const query = new URLSearchParams({ begin_time: startOfLocalDay(from, ZONE), end_time: startOfLocalDay(addDays(to, 1), ZONE), limit: "100", ...(cursor ? { cursor } : {}) });
    const page_ = await squareGet<{ payments?: SquarePayment[]; cursor?: string }>({ accessToken: token }, `/v2/payments?${query}`);
    square.push(...(page_.payments ?? []));
    if (!(cursor = page_.cursor)) break;
  }
  expect(rows.map((r) => r[col("Payment ID")]).sort()).toEqual(square.map((p) => p.id).sort());
  for (const p of square) {
    const row = rows.find((r) => r[col("Payment ID")] === p.id)!;
    expect(row[col("Status")]).toBe(p.status);
    expect(Math.round(Number(row[col("Total")]) * 100)).toBe(p.total_money.amount);
    // Square's customer on the payment, or the profile it was merged into (the row names the old id).
    if (p.customer_id) expect([row[col("Customer ID")], row[col("Merged from")]]).toContain(p.customer_id);
    else expect(row[col("Customer ID on the payment")]).toBe("");
  }
});

test("reports: figures, charts and tables for a range, and a report table's CSV", async ({ page }) => {
  await signInAndWaitForMirror(page);
  await page.goto("/reports");
  await pickRange(page, "Last 90 days");
  const figures = page.getByRole("region", { name: "Figures for the range" });
  await expect(figures).toContainText("Average ticket");
  for (const name of ["Revenue", "New and returning customers", "Top customers", "Tenders"])
    await expect(page.getByRole("region", { name }).locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Tenders" })).toContainText("Gift card");

  // Group by week; the revenue table's CSV adds up to the Revenue figure.
  await page.getByRole("search", { name: "Filters" }).getByLabel("Group by").selectOption("week");
  await page.getByRole("search", { name: "Filters" }).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/period=week/);
  const [header, ...weeks] = await downloadCsv(page, "Export revenue (CSV)");
  expect(header).toEqual(["Week starting", "Revenue", "Payments", "Currency"]);
  expect(weeks.length).toBeGreaterThanOrEqual(13);
  const cents = weeks.reduce((n, w) => n + Math.round(Number(w[1]) * 100), 0);
  const revenue = await figures.getByRole("heading", { name: "Revenue" }).locator("xpath=following-sibling::p[1]").textContent();
  expect(cents).toBe(Math.round(Number(revenue!.replace(/[$,]/g, "")) * 100));

  // The Overview shows the last 30 days' headline figures.
  await page.goto("/overview");
  await expect(page.getByRole("region", { name: "Last 30 days" })).toContainText("Sales with no customer");
});
