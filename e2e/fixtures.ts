import { test as base, expect, type Page } from "@playwright/test";
import { createCustomer, createSeller, type LocalCustomer, type LocalSeller } from "./support/local-square";
import { E2E } from "./support/servers";

export interface SellerWithCustomers extends LocalSeller {
  customers: LocalCustomer[];
}

/**
 * Signs in through the local Square exactly as a seller does: "Sign in with Square", pick the
 * seller on the consent page, optionally untick permissions, Allow.
 */
export async function signInWithSquare(page: Page, businessName: string, opts: { untick?: string[]; from?: string } = {}) {
  await page.goto(opts.from ?? "/login");
  await page.getByRole("button", { name: /Sign in with Square|Re-authorize with Square/ }).click();
  await page.waitForURL((url) => url.origin === new URL(E2E.emulatorUrl).origin);
  await page.getByLabel("Seller").selectOption({ label: businessName });
  for (const scope of opts.untick ?? []) await page.getByLabel(scope).uncheck();
  await page.getByRole("button", { name: "Allow" }).click();
  await page.waitForURL((url) => url.origin === E2E.appUrl);
}

/** A fresh seller per test, with two customers whose names no other test uses. */
export const test = base.extend<{ seller: SellerWithCustomers }>({
  seller: async ({}, use, testInfo) => {
    const seller = await createSeller("E2E Café");
    const tag = `T${testInfo.testId.slice(0, 6)}`;
    const customers = [await createCustomer(seller, `Ada${tag}`, "Lovelace"), await createCustomer(seller, `Grace${tag}`, "Hopper")];
    await use({ ...seller, customers });
  },
});

export { expect };
