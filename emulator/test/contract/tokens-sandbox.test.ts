import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { createCard, mintToken, newCustomer, squareError, VISA, type KeyedCard } from "./cards-fixtures";

let local: TestEmulator;
let seller: TestSeller;
beforeAll(async () => {
  local = await startTestEmulator();
  seller = await local.newSeller();
});
afterAll(() => local.stop());

const store = async (sourceId: string) => createCard(seller, sourceId, { customerId: await newCustomer(seller) });

describe("Square's sandbox payment tokens", () => {
  it("cnon:card-nonce-ok stores as VISA 5858, BIN 453275, postal 94103, and stays reusable", async () => {
    const card = await store("cnon:card-nonce-ok");
    expect(card).toMatchObject({
      cardBrand: "VISA",
      last4: "5858",
      bin: "453275",
      cardType: "CREDIT",
      prepaidType: "NOT_PREPAID",
      billingAddress: { postalCode: "94103" },
      enabled: true,
      version: 1n,
    });
    const again = await store("cnon:card-nonce-ok");
    expect(again.id).not.toBe(card.id);
    expect(again.fingerprint).toBe(card.fingerprint);
  });

  it("cnon:card-nonce-declined declines only when charged, so it stores", async () => {
    await expect(store("cnon:card-nonce-declined")).resolves.toMatchObject({ enabled: true });
  });

  it.each([
    ["cnon:card-nonce-rejected-cvv", "PAYMENT_METHOD_ERROR", "CVV_FAILURE"],
    ["cnon:card-nonce-rejected-postalcode", "PAYMENT_METHOD_ERROR", "ADDRESS_VERIFICATION_FAILURE"],
    ["cnon:card-nonce-rejected-expiration", "INVALID_REQUEST_ERROR", "INVALID_EXPIRATION"],
    ["cnon:card-nonce-already-used", "INVALID_REQUEST_ERROR", "CARD_TOKEN_USED"],
  ])("%s is refused at store time with %s / %s", async (token, category, code) => {
    const err = await squareError(store(token));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ category, code });
  });

  it("gift card tokens cannot become cards on file", async () => {
    const err = await squareError(store("cnon:gift-card-nonce-ok"));
    expect(err.errors[0]).toMatchObject({ code: "INVALID_CARD_DATA", field: "source_id" });
  });
});

describe("Square's sandbox test cards typed into the card form", () => {
  const cases: [string, KeyedCard, string, string][] = [
    ["4000 0000 0000 0010 (card-on-file authorization declined)", { ...VISA, number: "4000000000000010" }, "PAYMENT_METHOD_ERROR", "GENERIC_DECLINE"],
    ["CVV 911", { ...VISA, cvv: "911" }, "PAYMENT_METHOD_ERROR", "CVV_FAILURE"],
    ["postal code 99999", { ...VISA, postalCode: "99999" }, "PAYMENT_METHOD_ERROR", "ADDRESS_VERIFICATION_FAILURE"],
    ["expiry 01/40", { ...VISA, expirationDate: "01/40" }, "INVALID_REQUEST_ERROR", "INVALID_EXPIRATION"],
  ];

  it.each(cases)("%s tokenizes, then fails when stored", async (_name, card, category, code) => {
    const err = await squareError(store(await mintToken(local, seller, card)));
    expect(err.errors[0]).toMatchObject({ category, code });
  });

  it("4000 0000 0000 0002 declines when charged but stores", async () => {
    const card = await store(await mintToken(local, seller, { ...VISA, number: "4000000000000002" }));
    expect(card).toMatchObject({ last4: "0002", enabled: true });
  });
});
