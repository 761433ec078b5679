import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { fillBuyer, fillCard, openCheckout, squareGet } from "./checkout-support";
import { openCardForm, openCustomer, signInAndSync, typeCard } from "./customers-support";
import { signInWithSquare } from "./fixtures";
import { appliedFaults, demoLinkUrl, lostAnswer, paidAttempt, paymentsAtSquare, setFaults } from "./faults-support";
import { createCustomer, createSeller, type LocalCustomer, type LocalSeller } from "./support/local-square";

/**
 * The places that call Square live, with the local Square failing under them (/_emulator/faults):
 * a 5xx, a 429 with Retry-After, a hang, or a write that went through with its answer lost. Each
 * page says plainly what happened and that trying again is safe; trying again works and never
 * makes a second profile, card or charge. The dashboard's views read the mirror, so they are not here.
 */
test.describe.configure({ mode: "serial" });

const UNREACHABLE = "Square could not be reached. Try again shortly.";
let seller: LocalSeller;
let ada: LocalCustomer;
let page: Page;

test.beforeAll(async ({ browser }) => {
  seller = await createSeller("E2E Faults");
  ada = await createCustomer(seller, `Ada${randomUUID().slice(0, 4)}`, "Faulty");
  page = await browser.newPage();
  await signInAndSync(page, seller.businessName);
});
test.afterAll(async () => {
  await setFaults(seller, {});
  await page.close();
});

test("signing in while Square fails says so, and signing in again works", async ({ browser }) => {
  const other = await createSeller("E2E Faulty Sign-in");
  await setFaults(other, { error_rate: 1, error_status: 503, routes: ["GET /v2/merchants/*"], times: 1 });
  const context = await browser.newContext();
  const login = await context.newPage();
  await signInWithSquare(login, other.businessName);
  await expect(login.getByRole("alert").filter({ hasText: "Square was busy or could not be reached while signing you in" })).toBeVisible();
  await signInWithSquare(login, other.businessName, { from: login.url() });
  await expect(login).not.toHaveURL(/\/login/);
  await expect(login.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await appliedFaults(other)).toMatchObject({ errors: 1 });
  await context.close();
});

test("a new customer and an edit: a 5xx and a 429 each say what to do, and trying again saves once", async () => {
  await page.goto("/customers/new");
  const form = page.getByRole("form", { name: "New customer" });
  const email = `rosalind.${randomUUID().slice(0, 6)}@example.com`;
  await form.getByLabel("First name").fill("Rosalind");
  await form.getByLabel("Last name").fill("Franklin");
  await form.getByLabel("Email", { exact: true }).fill(email);
  await setFaults(seller, { error_rate: 1, error_status: 503, routes: ["POST /v2/customers"], times: 1 });
  await form.getByRole("button", { name: "Create customer" }).click();
  await expect(form.getByRole("alert")).toHaveText(UNREACHABLE);
  await form.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosalind Franklin" })).toBeVisible();
  const { customers } = await squareGet<{ customers?: unknown[] }>(seller, "/v2/customers/search", { query: { filter: { email_address: { exact: email } } } });
  expect(customers).toHaveLength(1);

  await page.getByRole("link", { name: "Edit customer" }).click();
  const edit = page.getByRole("form", { name: "Edit customer" });
  await edit.getByLabel("Company").fill("King's College");
  await setFaults(seller, { error_rate: 1, error_status: 429, retry_after_seconds: 30, routes: ["PUT /v2/customers/*"], times: 1 });
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("alert")).toHaveText("Square is busy. Wait a moment and try again.");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("region", { name: "Profile" })).toContainText("King's College");
});

test("saving a card and charging it: answers lost after Square did the work, and the retry returns that card and that payment", async () => {
  const name = `${ada.givenName} ${ada.familyName}`;
  await openCustomer(page, ada.givenName.toLowerCase(), name);
  const form = await openCardForm(page);
  await typeCard(page, { number: "4111 1111 1111 1111" });
  await form.getByRole("checkbox").check();
  await setFaults(seller, lostAnswer("POST /v2/cards"));
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(form.getByRole("alert")).toHaveText(UNREACHABLE);
  await typeCard(page, { number: "4111 1111 1111 1111" });
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved Visa •••• 1111 on file.");
  const { cards } = await squareGet<{ cards?: { id: string }[] }>(seller, `/v2/cards?customer_id=${ada.id}&include_disabled=true`);
  expect(cards, "one card on file, not one per try").toHaveLength(1);
  await form.getByRole("button", { name: "Close" }).click();

  const charge = page.getByRole("region", { name: "Charge on file" });
  await charge.getByLabel("Amount (USD)").fill("9.99");
  await setFaults(seller, lostAnswer("POST /v2/payments"));
  await charge.getByRole("button", { name: "Charge $9.99" }).click();
  await expect(charge.getByRole("alert")).toHaveText(UNREACHABLE);
  await charge.getByRole("button", { name: "Charge $9.99" }).click();
  await expect(charge.getByRole("status")).toContainText("Charged $9.99 to card •••• 1111");
  const charged = (await paymentsAtSquare(seller)).filter((p) => p.customer_id === ada.id);
  expect(charged.map((p) => p.status)).toEqual(["COMPLETED"]);
});

test("Refresh from Square: a failing Square is reported at once, and refreshing again works", async () => {
  await openCustomer(page, ada.givenName.toLowerCase(), `${ada.givenName} ${ada.familyName}`);
  await setFaults(seller, { error_rate: 1, error_status: 500, routes: ["GET /v2/locations"] });
  await page.getByRole("button", { name: "Refresh from Square" }).click();
  await expect(page.getByRole("alert").filter({ hasText: UNREACHABLE })).toBeVisible();
  await setFaults(seller, {});
  await page.getByRole("button", { name: "Refresh from Square" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Up to date with Square" })).toContainText("1 card");
});

test("the payment page: Square's answer lost, then the browser's, and each retry shows the receipt of one payment", async ({ browser }) => {
  const url = await demoLinkUrl(page);
  const buyer = await (await browser.newContext()).newPage();
  const pay = async (email: string) => {
    await openCheckout(buyer, url);
    await fillBuyer(buyer, { givenName: "Lise", email });
    await fillCard(buyer, { number: "4111 1111 1111 1111" });
    await buyer.getByRole("button", { name: "Pay $12.00" }).click();
  };
  const alert = buyer.getByRole("form", { name: "Payment" }).getByRole("alert");

  await setFaults(seller, lostAnswer("POST /v2/payments"));
  await pay(`lise.${randomUUID().slice(0, 6)}@example.com`);
  await expect(alert).toHaveText("The payment service is busy or unreachable. Try again in a moment; you will not be charged twice.");
  await fillCard(buyer, { number: "4111 1111 1111 1111" });
  await buyer.getByRole("button", { name: "Pay $12.00" }).click();
  const first = await paidAttempt(buyer);

  // The server action ran (and charged), but its answer never reached the buyer's browser.
  await buyer.route(url, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await pay(`meitner.${randomUUID().slice(0, 6)}@example.com`);
  await expect(alert).toHaveText(/connection broke before your payment was confirmed.*you will not be charged twice/);
  await buyer.unrouteAll();
  await fillCard(buyer, { number: "4111 1111 1111 1111" });
  await buyer.getByRole("button", { name: "Pay $12.00" }).click();
  const second = await paidAttempt(buyer);

  const payments = await paymentsAtSquare(seller);
  for (const attempt of [first, second]) expect(payments.filter((p) => p.reference_id === attempt).map((p) => p.status)).toEqual(["COMPLETED"]);
  await buyer.context().close();
});

test("Settings → Resync while a Square call hangs: the stream shows it is retrying, and resyncing again finishes", async () => {
  await page.goto("/settings");
  await setFaults(seller, { hang_rate: 1, routes: ["GET /v2/cards"], times: 1 });
  await page.getByRole("button", { name: "Resync from Square" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Resync started. The dashboard stays usable while it runs." })).toBeVisible();
  const cards = page.getByRole("list", { name: "Sync progress" }).getByRole("listitem").filter({ hasText: "Cards on file" });
  await expect(cards).toContainText("interrupted (retrying)", { timeout: 30_000 });
  await page.getByRole("button", { name: "Resync from Square" }).click();
  await expect(cards).toContainText("copied", { timeout: 30_000 });
  expect(await appliedFaults(seller)).toMatchObject({ hangs: 1 });
});
