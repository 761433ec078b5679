import { randomUUID } from "node:crypto";
import { expect, signInWithSquare, test } from "./fixtures";
import { fillBuyer, fillCard, openCheckout, squareGet, watchCspViolations } from "./checkout-support";
import { createSeller, type LocalSeller } from "./support/local-square";
import { expectNoCardNumber, isServerAction, recordTraffic } from "./support/traffic";

interface Found<T> {
  customers?: T[];
  cards?: T[];
  orders?: T[];
  payments?: T[];
}

/** A seller signs in, creates a link through the dashboard, and hands back its public URL. */
async function createLinkAsSeller(page: import("@playwright/test").Page, seller: LocalSeller, title: string): Promise<string> {
  await signInWithSquare(page, seller.businessName);
  await page.goto("/checkout-links");
  // Local mode gives a seller with no links the two demo links.
  await expect(page.getByRole("table", { name: "Checkout links" }).getByText("Morning coffee & pastry")).toBeVisible();
  await page.getByRole("link", { name: "New checkout link" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Item 1 name").fill("Bag of beans");
  await page.getByLabel("Quantity").fill("2");
  await page.getByLabel("Unit price (USD)").fill("12.50");
  await page.getByRole("switch", { name: /Offer to save the card/ }).check();
  await page.getByRole("button", { name: "Create link" }).click();
  await page.waitForURL("**/checkout-links");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByRole("img", { name: `QR code for ${title}` })).toBeVisible();
  await expect(row.getByRole("cell").nth(4)).toHaveText("0");
  await expect(row.getByRole("cell").nth(5)).toHaveText("$0.00");
  return (await row.getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;
}

test.describe("buyer checkout through a checkout link", () => {
  test("a buyer pays through Square's card iframe and saves the card; the seller sees the customer, the card, the order and the payment", async ({ page, browser }) => {
    const seller = await createSeller("E2E Checkout");
    const title = `Beans ${randomUUID().slice(0, 6)}`;
    const url = await createLinkAsSeller(page, seller, title);

    const buyerContext = await browser.newContext();
    // Everything the buyer's browser sends to Patron (not to Square's iframe), to prove no card data is in it.
    const traffic = recordTraffic(buyerContext);
    const buyer = await buyerContext.newPage();
    const violations = await watchCspViolations(buyer);
    const response = await buyer.goto(url);
    const csp = response!.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' http:\/\/127\.0\.0\.1:\d+;/);
    expect(csp).toMatch(/frame-src http:\/\/127\.0\.0\.1:\d+;/);
    await openCheckout(buyer, url);
    await expect(buyer.getByRole("heading", { name: title })).toBeVisible();
    await expect(buyer.getByText(seller.businessName).first()).toBeVisible();

    const email = `buyer.${randomUUID().slice(0, 8)}@example.com`;
    await fillBuyer(buyer, { givenName: "Bea", familyName: "Buyer", email });
    await fillCard(buyer, { number: "4111 1111 1111 1111" });
    const consent = buyer.getByRole("checkbox", { name: `Save my card with ${seller.businessName} for future purchases` });
    await expect(consent).not.toBeChecked();
    await consent.check();
    await buyer.getByRole("button", { name: "Pay $25.00" }).click();
    await buyer.waitForURL(/\/receipt\//);
    const receipt = buyer.getByRole("region", { name: "Receipt" });
    await expect(receipt).toContainText("$25.00");
    await expect(receipt).toContainText("Bag of beans");
    await expect(receipt).toContainText("Visa •••• 1111");
    await expect(receipt).toContainText(`Your card is saved with ${seller.businessName}`);
    expect(await violations()).toEqual([]);
    await traffic.settle();
    expect(traffic.sentToApp.some((r) => isServerAction(r) && r.body.includes("cnon:")), "the payment token was sent").toBe(true);
    expectNoCardNumber(traffic, "4111 1111 1111 1111");
    await buyerContext.close();

    // At Square: one customer, the card on file, the order and the payment, all linked.
    const { customers } = await squareGet<Found<{ id: string }>>(seller, "/v2/customers/search", { query: { filter: { email_address: { exact: email } } } });
    expect(customers).toHaveLength(1);
    const customerId = customers![0].id;
    const { cards } = await squareGet<Found<{ last_4: string; enabled: boolean }>>(seller, `/v2/cards?customer_id=${customerId}`);
    expect(cards).toEqual([expect.objectContaining({ last_4: "1111", enabled: true })]);
    const { orders } = await squareGet<Found<{ state: string; customer_id: string; tenders: { payment_id: string }[] }>>(seller, "/v2/orders/search", {
      location_ids: [seller.locationId],
      query: { filter: { customer_filter: { customer_ids: [customerId] } } },
    });
    expect(orders).toEqual([expect.objectContaining({ state: "COMPLETED", customer_id: customerId })]);
    const { payment } = await squareGet<{ payment: { customer_id: string; status: string; amount_money: { amount: number } } }>(seller, `/v2/payments/${orders![0].tenders[0].payment_id}`);
    expect(payment).toMatchObject({ customer_id: customerId, status: "COMPLETED", amount_money: { amount: 2500 } });

    // In Patron: the link counts the payment, and the buyer is among the seller's customers.
    await page.goto("/checkout-links");
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row.getByRole("cell").nth(4)).toHaveText("1");
    await expect(row.getByRole("cell").nth(5)).toHaveText("$25.00");
    await page.goto("/customers");
    await expect(page.getByRole("table", { name: "Customers" })).toContainText(email);
  });

  test("a declined card shows a plain reason; after a reload the buyer pays with another card on the same order", async ({ page }) => {
    const seller = await createSeller("E2E Declines");
    await signInWithSquare(page, seller.businessName);
    await page.goto("/checkout-links");
    const demo = page.getByRole("row").filter({ hasText: "Morning coffee & pastry" });
    const url = (await demo.getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;

    const traffic = recordTraffic(page.context());
    const violations = await watchCspViolations(page);
    await openCheckout(page, url);
    const email = `decline.${randomUUID().slice(0, 8)}@example.com`;
    await fillBuyer(page, { givenName: "Dee", email });
    await fillCard(page, { number: "4111 1111 1111 1111", cvv: "911" });
    await page.getByRole("button", { name: "Pay $12.00" }).click();
    await expect(page.getByRole("form", { name: "Payment" }).getByRole("alert")).toContainText("security code (CVV) doesn't match");

    await page.reload();
    await openCheckout(page, url);
    await fillBuyer(page, { givenName: "Dee", email });
    await fillCard(page, { number: "4000 0000 0000 0002" });
    await page.getByRole("button", { name: "Pay $12.00" }).click();
    await expect(page.getByRole("form", { name: "Payment" }).getByRole("alert")).toContainText("Your card was declined");

    await fillCard(page, { number: "5105 1051 0510 5100" });
    await page.getByRole("button", { name: "Pay $12.00" }).click();
    await page.waitForURL(/\/receipt\//);
    await expect(page.getByRole("region", { name: "Receipt" })).toContainText("Mastercard •••• 5100");
    await expect(page.getByRole("region", { name: "Receipt" })).toContainText("was not saved");
    expect(await violations()).toEqual([]);
    await traffic.settle();
    for (const number of ["4111 1111 1111 1111", "4000 0000 0000 0002", "5105 1051 0510 5100"]) expectNoCardNumber(traffic, number);

    const { orders } = await squareGet<Found<{ id: string; state: string }>>(seller, "/v2/orders/search", { location_ids: [seller.locationId] });
    expect(orders).toEqual([expect.objectContaining({ state: "COMPLETED" })]);
    const { payments } = await squareGet<Found<{ status: string }>>(seller, `/v2/payments?location_id=${seller.locationId}`);
    expect(payments!.map((p) => p.status).sort()).toEqual(["COMPLETED", "FAILED", "FAILED"]);
    const { customers } = await squareGet<Found<{ id: string }>>(seller, "/v2/customers/search", { query: { filter: { email_address: { exact: email } } } });
    expect(customers).toHaveLength(1);
  });

  test("pays an open amount with a gift card through Square's gift card iframe", async ({ page }) => {
    const seller = await createSeller("E2E Gift");
    await signInWithSquare(page, seller.businessName);
    await page.goto("/checkout-links");
    const url = (await page.getByRole("row").filter({ hasText: "Pay what you like" }).getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;
    const violations = await watchCspViolations(page);
    await openCheckout(page, url);
    await expect(page.getByRole("checkbox", { name: /Save my card/ })).toHaveCount(0);
    await page.getByLabel("Amount (USD)").fill("150");
    await page.getByLabel("Phone").fill("+1 206 222 3344");
    await page.getByRole("radio", { name: "Gift card" }).check();
    await page.frameLocator('iframe[title="Gift card payment form"]').getByLabel("Gift card number").fill("7783 3200 0000 0000");
    await page.getByRole("button", { name: "Pay $150.00" }).click();
    await page.waitForURL(/\/receipt\//);
    await expect(page.getByRole("region", { name: "Receipt" })).toContainText("Gift card •••• 0000");
    expect(await violations()).toEqual([]);
  });

  test("a card that needs strong customer authentication is verified in Square's iframe, then charged and saved, once despite a double click", async ({ page }) => {
    const seller = await createSeller("E2E SCA");
    await signInWithSquare(page, seller.businessName);
    await page.goto("/checkout-links");
    const url = (await page.getByRole("row").filter({ hasText: "Morning coffee & pastry" }).getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;
    const violations = await watchCspViolations(page);
    await openCheckout(page, url);
    await fillBuyer(page, { givenName: "Sven", email: `sca.${randomUUID().slice(0, 8)}@example.com` });
    await fillCard(page, { number: "4310 0000 0020 1019" });
    await page.getByRole("checkbox", { name: /Save my card/ }).check();
    await page.getByRole("button", { name: "Pay $12.00" }).dblclick();
    const card = page.frameLocator('iframe[title="Card payment form"]');
    await expect(card.getByRole("dialog", { name: "Confirm it's you" })).toBeVisible();
    await card.getByLabel("Verification code").fill("123456");
    await card.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(/\/receipt\//);
    await expect(page.getByRole("region", { name: "Receipt" })).toContainText("Your card is saved");
    expect(await violations()).toEqual([]);
    const { payments } = await squareGet<Found<{ status: string }>>(seller, `/v2/payments?location_id=${seller.locationId}`);
    expect(payments!.map((p) => p.status)).toEqual(["COMPLETED"]);
  });

  test("field errors are named, and an unknown or inactive link is a 404 page", async ({ page }) => {
    const seller = await createSeller("E2E Fields");
    await signInWithSquare(page, seller.businessName);
    await page.goto("/checkout-links");
    const row = page.getByRole("row").filter({ hasText: "Pay what you like" });
    const url = (await row.getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;

    const buyer = await page.context().browser()!.newPage();
    await openCheckout(buyer, url);
    await buyer.getByLabel("Amount (USD)").fill("1000");
    await buyer.getByRole("button", { name: /^Pay/ }).click();
    await expect(buyer.getByText("Enter an amount between $1.00 and $200.00.")).toBeVisible();
    await expect(buyer.getByText(/Enter your email address or phone number/).first()).toBeVisible();
    await expect(buyer.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

    await row.getByRole("button", { name: "Deactivate Pay what you like" }).click();
    await expect(row).toContainText("Inactive");
    const gone = await buyer.goto(url);
    expect(gone!.status()).toBe(404);
    await expect(buyer.getByRole("heading", { name: "This checkout link isn't available" })).toBeVisible();
    expect((await buyer.goto("/pay/no-such-link"))!.status()).toBe(404);
    await buyer.close();
  });

  test("the CSP check notices a violation (so an empty list above means none happened)", async ({ page }) => {
    const seller = await createSeller("E2E CSP");
    await signInWithSquare(page, seller.businessName);
    await page.goto("/checkout-links");
    const url = (await page.getByRole("row").filter({ hasText: "Pay what you like" }).getByRole("link", { name: /\/pay\// }).getAttribute("href"))!;
    const violations = await watchCspViolations(page);
    await openCheckout(page, url);
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.src = "https://example.invalid/skimmer.js";
      document.body.append(s);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src(-elem)? blocked https:\/\/example\.invalid/)]);
  });
});
