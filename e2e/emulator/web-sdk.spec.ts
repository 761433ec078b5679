import { randomUUID } from "node:crypto";
import { SquareError } from "square";
import { expect, test, type KeyedCard } from "./fixtures";

// Square's sandbox cards for the Web Payments SDK form (square-api-notes §9.2), each tokenized
// through the real @square/web-sdk loader and the local Square's square.js.
const SANDBOX_CARDS: [string, KeyedCard, string, string][] = [
  ["Visa", { number: "4111 1111 1111 1111" }, "VISA", "1111"],
  ["Mastercard", { number: "5105 1051 0510 5100" }, "MASTERCARD", "5100"],
  ["Discover", { number: "6011 0000 0000 0004" }, "DISCOVER", "0004"],
  ["Diners Club", { number: "3000 000000 0004" }, "DISCOVER_DINERS", "0004"],
  ["JCB", { number: "3569 9900 1009 5841" }, "JCB", "5841"],
  ["American Express", { number: "3400 000000 00009", cvv: "1111" }, "AMERICAN_EXPRESS", "0009"],
  ["China UnionPay", { number: "6222 9888 1234 0000", cvv: "123" }, "CHINA_UNIONPAY", "0000"],
  ["decline card", { number: "4000 0000 0000 0002" }, "VISA", "0002"],
  ["card-on-file decline card", { number: "4000 0000 0000 0010" }, "VISA", "0010"],
  ["CVV 911", { number: "4111 1111 1111 1111", cvv: "911" }, "VISA", "1111"],
  ["postal code 99999", { number: "4111 1111 1111 1111", postalCode: "99999" }, "VISA", "1111"],
  ["expiry 01/40", { number: "4111 1111 1111 1111", expiry: "01/40" }, "VISA", "1111"],
];

test.describe("Web Payments SDK stand-in", () => {
  test("the card form renders in an emulator iframe with labelled fields; card numbers stay out of the page", async ({ checkout, page }) => {
    await checkout.open();
    const frame = page.locator('iframe[title="Card payment form"]');
    await expect(frame).toBeVisible();
    expect(new URL((await frame.getAttribute("src"))!).port).not.toBe(new URL(page.url()).port);
    for (const label of ["Card number", "Expiration date", "CVV", "Postal code"]) await expect(checkout.cardFrame.getByLabel(label)).toBeVisible();
    await checkout.fillCard({ number: "4111 1111 1111 1111" });
    expect(await page.content()).not.toContain("4111");
  });

  for (const [name, card, brand, last4] of SANDBOX_CARDS) {
    test(`tokenizes the sandbox ${name}`, async ({ checkout }) => {
      await checkout.open();
      await checkout.fillCard(card);
      const result = await checkout.press("Pay");
      expect(result).toMatchObject({ status: "OK", details: { method: "Card", card: { brand, last4 }, billing: { postalCode: card.postalCode ?? "94103" } } });
      expect(result.token).toMatch(/^cnon:/);
    });
  }

  test("a token pays once: the second payment is refused with CARD_TOKEN_USED", async ({ checkout, seller }) => {
    await checkout.open();
    await checkout.fillCard({ number: "4111 1111 1111 1111" });
    const { token } = await checkout.press("Pay");
    const payment = { sourceId: token!, amountMoney: { amount: 1250n, currency: "USD" as const } };
    const { payment: paid } = await seller.client.payments.create({ idempotencyKey: randomUUID(), ...payment });
    expect(paid).toMatchObject({ status: "COMPLETED", cardDetails: { entryMethod: "KEYED", card: { cardBrand: "VISA", last4: "1111" } } });
    const again = await seller.client.payments.create({ idempotencyKey: randomUUID(), ...payment }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(SquareError);
    expect((again as SquareError).errors[0].code).toBe("CARD_TOKEN_USED");
  });

  test("a token is stored on file once: the second CreateCard is refused with SOURCE_USED", async ({ checkout, seller }) => {
    await checkout.open();
    await checkout.fillCard({ number: "4111 1111 1111 1111" });
    const { token } = await checkout.press("Pay");
    const { customer } = await seller.client.customers.create({ idempotencyKey: randomUUID(), givenName: "Ada" });
    const card = { customerId: customer!.id! };
    const stored = await seller.client.cards.create({ idempotencyKey: randomUUID(), sourceId: token!, card });
    expect(stored.card).toMatchObject({ cardBrand: "VISA", last4: "1111", enabled: true });
    const again = await seller.client.cards.create({ idempotencyKey: randomUUID(), sourceId: token!, card }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(SquareError);
    expect((again as SquareError).errors[0].code).toBe("SOURCE_USED");
  });

  test("invalid fields give an Invalid result naming each field", async ({ checkout }) => {
    await checkout.open();
    await checkout.fillCard({ number: "4111 1111 1111 1112", expiry: "01/20", cvv: "11", postalCode: "" });
    const result = await checkout.press("Pay");
    expect(result.status).toBe("Invalid");
    expect(result.errors!.map((e) => e.field)).toEqual(["cardNumber", "expirationDate", "cvv", "postalCode"]);
    await expect(checkout.cardFrame.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
  });

  test("an unknown location or application id gives an Error result", async ({ checkout }) => {
    await checkout.open({ location: "NOSUCHLOCATION1" });
    await checkout.fillCard({ number: "4111 1111 1111 1111" });
    expect(await checkout.press("Pay")).toMatchObject({ status: "Error", errors: [{ type: "LOCATION_NOT_FOUND" }] });
    await checkout.open({ app: "sandbox-sq0idb-not-this-app" });
    await checkout.fillCard({ number: "4111 1111 1111 1111" });
    expect(await checkout.press("Pay")).toMatchObject({ status: "Error", errors: [{ type: "INVALID_APPLICATION_ID" }] });
  });

  test("the gift card form has one field and tokenizes Square gift cards", async ({ checkout, page }) => {
    await checkout.open();
    await expect(page.locator('iframe[title="Gift card payment form"]')).toBeVisible();
    await expect(checkout.giftCardFrame.getByRole("textbox")).toHaveCount(1);
    await checkout.giftCardFrame.getByLabel("Gift card number").fill("7783 3200 0000 0000");
    const result = await checkout.press("Pay with gift card");
    expect(result).toMatchObject({ status: "OK", details: { method: "Gift Card", giftCard: { type: "Gift" } } });
  });
});
