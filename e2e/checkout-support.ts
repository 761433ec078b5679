import { expect, type Page } from "@playwright/test";
import type { LocalSeller } from "./support/local-square";
import { E2E } from "./support/servers";

/** A Square REST call on the e2e run's local Square, as the seller. */
export async function squareGet<T>(seller: Pick<LocalSeller, "accessToken">, path: string, body?: unknown): Promise<T> {
  const res = await fetch(E2E.emulatorUrl + path, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${seller.accessToken}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Records every Content-Security-Policy violation the page reports, from the first script on. */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

export interface BuyerCard {
  number: string;
  expiry?: string;
  cvv?: string;
  postalCode?: string;
}

/** Types the card into the Web Payments SDK's iframe (the local Square's stand-in), as a buyer would. */
export async function fillCard(page: Page, card: BuyerCard) {
  const frame = page.frameLocator('iframe[title="Card payment form"]');
  await frame.getByLabel("Card number").fill(card.number);
  await frame.getByLabel("Expiration date").fill(card.expiry ?? "12/34");
  await frame.getByLabel("CVV").fill(card.cvv ?? "111");
  await frame.getByLabel("Postal code").fill(card.postalCode ?? "94103");
}

export async function fillBuyer(page: Page, buyer: { givenName?: string; familyName?: string; email?: string; phone?: string }) {
  if (buyer.givenName) await page.getByLabel("First name").fill(buyer.givenName);
  if (buyer.familyName) await page.getByLabel("Last name").fill(buyer.familyName);
  if (buyer.email) await page.getByLabel("Email").fill(buyer.email);
  if (buyer.phone) await page.getByLabel("Phone").fill(buyer.phone);
}

/** The payment page is ready once Square's card form has loaded into it. */
export async function openCheckout(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('iframe[title="Card payment form"]')).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay/ })).toBeEnabled();
}
