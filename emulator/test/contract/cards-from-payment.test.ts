import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { createCard, key, mintToken, newCustomer, squareError, VISA } from "./cards-fixtures";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const USD = (amount: number) => ({ amount: BigInt(amount), currency: "USD" as const });

async function pay(seller: TestSeller, sourceId: string, extra: Partial<Square.CreatePaymentRequest> = {}) {
  return (await seller.client.payments.create({ idempotencyKey: key(), sourceId, amountMoney: USD(1250), ...extra })).payment!;
}

describe("CreateCard from an earlier payment", () => {
  it("stores the card of a completed keyed card payment, once", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const payment = await pay(seller, await mintToken(local, seller, { ...VISA, number: "5105 1051 0510 5100" }));
    const card = await createCard(seller, payment.id!, { customerId });
    expect(card).toMatchObject({
      cardBrand: "MASTERCARD",
      last4: "5100",
      expMonth: 12n,
      expYear: 2034n,
      bin: "510510",
      fingerprint: payment.cardDetails?.card?.fingerprint,
      customerId,
      enabled: true,
      version: 1n,
    });
    const again = await squareError(createCard(seller, payment.id!, { customerId }));
    expect(again.errors[0]).toMatchObject({ code: "SOURCE_USED", field: "source_id" });
  });

  it("refuses payments that are not completed, not by card, or by a card already on file, with INVALID_CARD_DATA", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const approved = await pay(seller, await mintToken(local, seller), { autocomplete: false });
    const cash = await pay(seller, "CASH", { cashDetails: { buyerSuppliedMoney: USD(2000) } });
    const onFile = await createCard(seller, await mintToken(local, seller), { customerId });
    const fromFile = await pay(seller, onFile.id!, { customerId });
    for (const payment of [approved, cash, fromFile]) {
      const err = await squareError(createCard(seller, payment.id!, { customerId }));
      expect(err.statusCode).toBe(400);
      expect(err.errors[0]).toMatchObject({ code: "INVALID_CARD_DATA", field: "source_id" });
    }
  });

  it("refuses a billing postal code that differs from the payment's", async () => {
    const seller = await local.newSeller();
    const payment = await pay(seller, await mintToken(local, seller), { billingAddress: { postalCode: "94103" } });
    const err = await squareError(createCard(seller, payment.id!, { customerId: await newCustomer(seller), billingAddress: { postalCode: "10001" } }));
    expect(err.errors[0]).toMatchObject({ code: "INVALID_CARD_DATA", field: "source_id" });
  });

  it("does not see another seller's payments", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    const payment = await pay(a, await mintToken(local, a));
    expect((await squareError(createCard(b, payment.id!, { customerId: await newCustomer(b) }))).statusCode).toBe(404);
  });
});

describe("Tokens between payments and cards", () => {
  it("a token that paid cannot be stored (CARD_TOKEN_USED), nor pay twice", async () => {
    const seller = await local.newSeller();
    const token = await mintToken(local, seller);
    await pay(seller, token);
    const stored = await squareError(createCard(seller, token, { customerId: await newCustomer(seller) }));
    expect(stored.errors[0]).toMatchObject({ code: "CARD_TOKEN_USED", field: "source_id" });
    const paid = await squareError(pay(seller, token));
    expect(paid.errors[0]).toMatchObject({ code: "CARD_TOKEN_USED" });
  });

  it("a card stored from a token is charged as a card on file with the same fingerprint", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const card = await createCard(seller, await mintToken(local, seller), { customerId });
    const payment = await pay(seller, card.id!, { customerId });
    expect(payment.cardDetails).toMatchObject({ entryMethod: "ON_FILE", card: { last4: "1111", fingerprint: card.fingerprint } });
  });
});
