import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { fillBuyer, fillCard, openCheckout } from "./checkout-support";
import { openCardForm, openCustomer, signInAndSync, typeCard } from "./customers-support";
import { expect, test } from "./fixtures";
import { E2E } from "./support/servers";
import { expectNoCardNumber, isRscFetch, isServerAction, recordTraffic, type Traffic } from "./support/traffic";

/**
 * Secrets stay secret: a seller signs in, syncs, saves a card and charges it, a charge fails at
 * Square, a forged OAuth callback is refused, a buyer pays through a checkout link and saves their
 * card, and a resync fails once Square revoked the seller's access. Then neither the app server's
 * output (E2E.appLog, the whole run so far) nor anything the browsers received holds a token or a
 * secret, and no request the browsers sent to Patron holds a card number. Named to sort last, so
 * the log it reads holds every spec before it.
 */

// Every access and refresh token the local Square mints (emulator/src/ids.ts), whoever it was for.
const TOKEN = /\b(EAAA|EQAA)[A-Za-z0-9]{60}\b/g;
// The run's own secrets: the application secret, the webhook signature key, the session secret and
// the token encryption key (the local defaults the e2e servers run with: lib/env-schema.ts LOCAL_DEFAULTS).
const SECRETS = [E2E.applicationSecret, "patron-local-webhook-signature-key", "patron-local-development-nextauth-secret", "cGF0cm9uLWxvY2FsLWRldmVsb3BtZW50LWtleS0zMiE="];

function secretsIn(text: string): string[] {
  return [...new Set([...(text.match(TOKEN) ?? []), ...SECRETS.filter((s) => text.includes(s) || text.includes(encodeURIComponent(s)))])];
}

function expectNoSecretsReceived(traffic: Traffic, who: string) {
  for (const r of traffic.received) expect(secretsIn(`${JSON.stringify(r.headers)}\n${r.body}`), `${who}: ${r.method} ${r.url}`).toEqual([]);
}

test("tokens and secrets never reach the app's logs or any response, and card numbers never reach the app", async ({ browser, page, seller }) => {
  test.setTimeout(180_000);
  const sellerTraffic = recordTraffic(page.context());
  const ada = seller.customers[0];
  const name = `${ada.givenName} ${ada.familyName}`;
  await signInAndSync(page, seller.businessName);
  // The seller's own token is a secret too (the regex above covers it; this proves the regex fits).
  expect(seller.accessToken).toMatch(TOKEN);

  // Save a card through Square's iframe, and charge it.
  await openCustomer(page, ada.givenName.toLowerCase(), name);
  const form = await openCardForm(page);
  await typeCard(page, { number: "4111 1111 1111 1111" });
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(form.getByRole("status")).toContainText("Saved Visa •••• 1111 on file.");
  const charge = page.getByRole("region", { name: "Charge on file" });
  await charge.getByLabel("Amount (USD)").fill("4.20");
  await charge.getByRole("button", { name: "Charge $4.20" }).click();
  await expect(charge.getByRole("status")).toContainText("Charged $4.20");

  // Square failing: a charge answered 500.
  const faults = (body: unknown) => fetch(`${E2E.emulatorUrl}/_emulator/faults`, { method: "POST", headers: { authorization: `Bearer ${seller.accessToken}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  await faults({ error_rate: 1, error_status: 500, routes: ["POST /v2/orders"] });
  await charge.getByLabel("Amount (USD)").fill("4.30");
  await charge.getByRole("button", { name: "Charge $4.30" }).click();
  await expect(charge.getByRole("alert")).toBeVisible();
  await faults({});

  // A forged OAuth callback: Square's redirect with a code that was never issued.
  const strangerContext = await browser.newContext();
  const strangerTraffic = recordTraffic(strangerContext);
  const stranger = await strangerContext.newPage();
  // The consent page's redirect back to Patron, with its code swapped for one Square never issued.
  await stranger.route("**/oauth2/authorize", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const answer = await route.fetch({ maxRedirects: 0 });
    const location = answer.headers().location.replace(/code=[^&]+/, "code=sq0cgp-forged");
    await route.fulfill({ response: answer, headers: { ...answer.headers(), location } });
  });
  await stranger.goto("/login");
  await stranger.getByRole("button", { name: "Sign in with Square" }).click();
  await stranger.getByLabel("Seller").selectOption({ label: seller.businessName });
  await stranger.getByRole("button", { name: "Allow" }).click();
  await stranger.waitForURL((url) => url.pathname === "/login" && url.searchParams.has("error"));

  // A buyer pays through the seller's checkout link and saves their card.
  await page.goto("/checkout-links");
  const url = (await page.getByRole("row").filter({ hasText: "Morning coffee & pastry" }).getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;
  const buyerContext = await browser.newContext();
  const buyerTraffic = recordTraffic(buyerContext);
  const buyer = await buyerContext.newPage();
  await openCheckout(buyer, url);
  await fillBuyer(buyer, { givenName: "Sue", email: `secrets.${randomUUID().slice(0, 8)}@example.com` });
  await fillCard(buyer, { number: "5105 1051 0510 5100" });
  await buyer.getByRole("checkbox", { name: /Save my card/ }).check();
  await buyer.getByRole("button", { name: /^Pay/ }).click();
  await buyer.waitForURL(/\/receipt\//);
  await expect(buyer.getByRole("region", { name: "Receipt" })).toContainText("Mastercard •••• 5100");

  // Last, the seller's access is revoked at Square and a resync fails on it: a sync job's failure gets logged.
  const revoked = await fetch(`${E2E.emulatorUrl}/oauth2/revoke`, {
    method: "POST",
    headers: { authorization: `Client ${E2E.applicationSecret}`, "content-type": "application/json" },
    body: JSON.stringify({ client_id: E2E.applicationId, merchant_id: seller.merchantId }),
  });
  expect(revoked.status).toBe(200);
  await page.goto("/settings");
  await page.getByRole("button", { name: "Resync from Square" }).click();
  await expect(page.getByText("Resync started")).toBeVisible();
  await expect.poll(() => fs.readFileSync(E2E.appLog, "utf8").includes(`(${seller.merchantId}) failed`), { timeout: 60_000 }).toBe(true);

  await Promise.all([sellerTraffic.settle(), buyerTraffic.settle(), strangerTraffic.settle()]);
  await Promise.all([buyerContext.close(), strangerContext.close()]);

  // The recorders saw the requests that matter: server actions (with the payment token), page fetches.
  expect(sellerTraffic.sentToApp.filter(isServerAction).length, "the seller's server actions were recorded").toBeGreaterThanOrEqual(3);
  expect(sellerTraffic.sentToApp.some(isRscFetch), "the seller's client navigations and prefetches were recorded").toBe(true);
  expect(buyerTraffic.sentToApp.some((r) => isServerAction(r) && r.body.includes("cnon:")), "the buyer's payment was recorded").toBe(true);
  expectNoCardNumber(sellerTraffic, "4111 1111 1111 1111");
  expectNoCardNumber(buyerTraffic, "5105 1051 0510 5100");

  expectNoSecretsReceived(sellerTraffic, "the seller's browser");
  expectNoSecretsReceived(buyerTraffic, "the buyer's browser");
  expectNoSecretsReceived(strangerTraffic, "the browser of a forged sign-in");

  // The app server's output for the whole run so far: captured (the refused callback was logged), and clean.
  const log = fs.readFileSync(E2E.appLog, "utf8");
  expect(log, `the app's output is captured in ${E2E.appLog}`).toContain("OAUTH_CALLBACK_ERROR");
  expect(secretsIn(log), "secrets in the app's output").toEqual([]);
});
