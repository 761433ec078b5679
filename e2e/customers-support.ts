import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { parseCsv } from "../lib/csv/csv";
import { signInWithSquare } from "./fixtures";

/** Signs in and waits until the first backfill has filled the seller's mirror (pages read it). */
export async function signInAndSync(page: Page, businessName: string) {
  await signInWithSquare(page, businessName);
  await expect.poll(async () => (await (await page.request.get("/api/sync/status")).json()).state, { timeout: 120_000, intervals: [250, 500, 1000] }).toBe("synced");
}

/** Opens a customer's page from the directory by searching part of their name. */
export async function openCustomer(page: Page, search: string, name: string) {
  await page.goto("/customers");
  await page.getByLabel("Search customers").fill(search);
  const table = page.getByRole("table", { name: "Customers" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Types a card into Square's card iframe (the local Square's stand-in) inside the "Save a card on file" form. */
export async function typeCard(page: Page, card: { number: string; expiry?: string; cvv?: string; postalCode?: string }) {
  const frame = page.getByRole("form", { name: "Save a card on file" }).frameLocator('iframe[title="Card payment form"]');
  await frame.getByLabel("Card number").fill(card.number);
  await frame.getByLabel("Expiration date").fill(card.expiry ?? "12/34");
  await frame.getByLabel("CVV").fill(card.cvv ?? "111");
  await frame.getByLabel("Postal code").fill(card.postalCode ?? "94103");
}

/** Opens the card form and waits until Square's iframe is ready. */
export async function openCardForm(page: Page) {
  await page.getByRole("button", { name: "Add a card on file" }).click();
  const form = page.getByRole("form", { name: "Save a card on file" });
  await expect(form.locator('iframe[title="Card payment form"]')).toBeVisible();
  await expect(form.getByRole("button", { name: "Save card" })).toBeEnabled();
  return form;
}

/** Clicks a download link and reads the CSV it gives (BOM removed). */
export async function downloadCsv(page: Page, linkName: string): Promise<string[][]> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const file = await (await download).path();
  return parseCsv(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
}
