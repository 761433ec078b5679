import { expect, type Page } from "@playwright/test";
import { squareGet } from "./checkout-support";
import type { LocalSeller } from "./support/local-square";
import { E2E } from "./support/servers";

/** POST /_emulator/faults for this seller on the e2e run's local Square (`{}` clears them). */
export async function setFaults(seller: Pick<LocalSeller, "accessToken">, settings: Record<string, unknown>) {
  const res = await fetch(`${E2E.emulatorUrl}/_emulator/faults`, {
    method: "POST",
    headers: { authorization: `Bearer ${seller.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (!res.ok) throw new Error(`faults refused (${res.status}): ${await res.text()}`);
}

/** What the faults set last have done so far (GET /_emulator/faults). */
export async function appliedFaults(seller: Pick<LocalSeller, "accessToken">): Promise<Record<string, number>> {
  const res = await fetch(`${E2E.emulatorUrl}/_emulator/faults`, { headers: { authorization: `Bearer ${seller.accessToken}` } });
  return ((await res.json()) as { applied: Record<string, number> }).applied;
}

/** One call's answer lost after Square did the work (a 5xx in place of its answer). */
export const lostAnswer = (route: string) => ({ error_rate: 1, error_status: 502, after_handler: true, routes: [route], times: 1 });

interface WirePayment {
  id: string;
  status: string;
  reference_id?: string;
  customer_id?: string;
  order_id?: string;
}

/** The seller's payments at the local Square (first page is plenty for a test seller). */
export async function paymentsAtSquare(seller: LocalSeller): Promise<WirePayment[]> {
  const { payments } = await squareGet<{ payments?: WirePayment[] }>(seller, `/v2/payments?location_id=${seller.locationId}`);
  return payments ?? [];
}

/** The seller's demo link ("Morning coffee & pastry", $12.00), from their Checkout links page. */
export async function demoLinkUrl(page: Page): Promise<string> {
  await page.goto("/checkout-links");
  const row = page.getByRole("row").filter({ hasText: "Morning coffee & pastry" });
  return (await row.getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;
}

/** The attempt id of a paid checkout, from its receipt page's URL. */
export async function paidAttempt(page: Page): Promise<string> {
  await page.waitForURL(/\/receipt\//);
  await expect(page.getByRole("region", { name: "Receipt" })).toBeVisible();
  return page.url().split("/receipt/")[1].split(/[?#]/)[0];
}
