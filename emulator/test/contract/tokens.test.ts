import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "../../src/store/json";
import { startTestEmulator, type TestEmulator } from "../harness";
import { createCard, mintToken, newCustomer, squareError, tokenize, VISA, type KeyedCard } from "./cards-fixtures";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator({ cardNonceTtlSeconds: 60 });
});
afterAll(() => local.stop());

const TEST_CARDS: [string, KeyedCard, string, string][] = [
  ["Visa", VISA, "VISA", "1111"],
  ["Mastercard", { ...VISA, number: "5105 1051 0510 5100" }, "MASTERCARD", "5100"],
  ["Discover", { ...VISA, number: "6011 0000 0000 0004" }, "DISCOVER", "0004"],
  ["Diners Club", { ...VISA, number: "3000 000000 0004" }, "DISCOVER_DINERS", "0004"],
  ["JCB", { ...VISA, number: "3569 9900 1009 5841" }, "JCB", "5841"],
  ["American Express", { ...VISA, number: "3400 000000 00009", cvv: "1111" }, "AMERICAN_EXPRESS", "0009"],
  ["China UnionPay", { ...VISA, number: "6222 9888 1234 0000", cvv: "123" }, "CHINA_UNIONPAY", "0000"],
];

describe("Tokenizing keyed cards (the stand-in's iframe endpoint)", () => {
  it.each(TEST_CARDS)("tokenizes the sandbox %s with the SDK's TokenResult", async (_name, card, brand, last4) => {
    const seller = await local.newSeller();
    const { result } = await tokenize(local, seller, card);
    expect(result).toEqual({
      status: "OK",
      token: expect.stringMatching(/^cnon:/),
      details: {
        method: "Card",
        card: { brand, last4, expMonth: 12, expYear: 2034, cardType: "CREDIT", prepaidType: "NOT_PREPAID" },
        billing: { postalCode: "94103" },
      },
    });
  });

  it("answers Invalid with one error per bad field: Luhn, past expiry, CVV length by brand, postal code", async () => {
    const seller = await local.newSeller();
    const { result } = await tokenize(local, seller, { number: "4111 1111 1111 1112", expirationDate: "01/20", cvv: "1111", postalCode: "" });
    expect(result).toEqual({
      status: "Invalid",
      errors: [
        { type: "VALIDATION_ERROR", field: "cardNumber", message: "Card number is not valid." },
        { type: "VALIDATION_ERROR", field: "expirationDate", message: "Expiration date is not valid." },
        { type: "VALIDATION_ERROR", field: "cvv", message: "CVV is not valid." },
        { type: "VALIDATION_ERROR", field: "postalCode", message: "Postal code is not valid." },
      ],
    });
    const amex = await tokenize(local, seller, { ...VISA, number: "340000000000009", cvv: "111" });
    expect(amex.result).toMatchObject({ status: "Invalid", errors: [{ field: "cvv" }] });
  });

  it("answers Error for an unknown application id or location", async () => {
    const seller = await local.newSeller();
    const badApp = await tokenize(local, { ...seller, applicationId: "sandbox-sq0idb-someone-else" });
    expect(badApp.result).toMatchObject({ status: "Error", errors: [{ type: "INVALID_APPLICATION_ID" }] });
    const badLocation = await tokenize(local, { ...seller, locationId: "NOSUCHLOCATION" });
    expect(badLocation.result).toMatchObject({ status: "Error", errors: [{ type: "LOCATION_NOT_FOUND" }] });
  });

  it("gives the same fingerprint to the same number across sellers, and never stores the number", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    const cardA = await createCard(a, await mintToken(local, a), { customerId: await newCustomer(a) });
    const cardB = await createCard(b, await mintToken(local, b, { ...VISA, expirationDate: "03/31", postalCode: "10001" }), { customerId: await newCustomer(b) });
    const other = await createCard(a, await mintToken(local, a, { ...VISA, number: "5105105105105100" }), { customerId: await newCustomer(a) });
    expect(cardA.fingerprint).toBe(cardB.fingerprint);
    expect(other.fingerprint).not.toBe(cardA.fingerprint);
    const everything = stringify([...local.emulator.ctx.store.table("payment_tokens").values(a.merchantId), ...local.emulator.ctx.store.table("cards").values(a.merchantId)]);
    expect(everything).not.toContain("4111111111111111");
    expect(everything).not.toContain("5105105105105100");
  });

  it("tokenizes Square gift card numbers from the gift card form", async () => {
    const seller = await local.newSeller();
    const ok = await tokenize(local, seller, { ...VISA, number: "7783 3200 0000 0000" }, { method: "giftCard" });
    expect(ok.result).toEqual({ status: "OK", token: expect.stringMatching(/^cnon:/), details: { method: "Gift Card", giftCard: { type: "Gift" } } });
    const bad = await tokenize(local, seller, { ...VISA, number: "1234" }, { method: "giftCard" });
    expect(bad.result).toMatchObject({ status: "Invalid", errors: [{ field: "giftCardNumber", message: "Gift card number is not valid." }] });
  });

  it("refuses card posts from other sites (the seller's page never sees card numbers)", async () => {
    const seller = await local.newSeller();
    const res = await fetch(`${local.url}/web-sdk/v1/tokenize`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ applicationId: seller.applicationId, locationId: seller.locationId, method: "card", card: VISA }),
    });
    expect(res.status).toBe(403);
  });
});

describe("Minted tokens are single-use and expire", () => {
  it("a token already stored fails on the deprecated endpoint with CARD_TOKEN_USED", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const token = await mintToken(local, seller);
    await createCard(seller, token, { customerId });
    const legacy = await squareError(seller.client.customers.cards.create({ customerId: await newCustomer(seller), cardNonce: token }));
    expect(legacy.errors[0]).toMatchObject({ code: "CARD_TOKEN_USED", field: "card_nonce" });
  });

  it("an expired token fails with CARD_TOKEN_EXPIRED", async () => {
    const seller = await local.newSeller();
    const token = await mintToken(local, seller);
    local.emulator.ctx.clock.advance(61_000);
    const err = await squareError(createCard(seller, token, { customerId: await newCustomer(seller) }));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code: "CARD_TOKEN_EXPIRED", field: "source_id" });
  });
});

describe("square.js and the iframe pages", () => {
  it("serves square.js as one classic script that sets window.Square, and the frame with a CSP", async () => {
    const script = await fetch(`${local.url}/web-sdk/v1/square.js`);
    expect(script.headers.get("content-type")).toContain("javascript");
    const text = await script.text();
    expect(text).toContain("window.Square = Object.freeze(");
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    const frame = await fetch(`${local.url}/web-sdk/v1/frame.html`);
    expect(frame.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await frame.text()).toContain('src="frame/card-frame.js"');
    expect((await fetch(`${local.url}/web-sdk/v1/frame/fields.js`)).status).toBe(200);
    expect((await fetch(`${local.url}/web-sdk/v1/../../package.json`)).status).toBe(404);
  });
});
