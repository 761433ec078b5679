import { randomUUID } from "node:crypto";
import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { createCard, newCustomer, squareError } from "./cards-fixtures";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

/** A payment as the Payments area stores it (the Cards API reads the same table). */
function recordPayment(seller: TestSeller, overrides: Partial<Square.Payment> = {}): string {
  const id = randomUUID().replace(/-/g, "").slice(0, 27) + "ZY";
  const payment: Square.Payment = {
    id,
    status: "COMPLETED",
    sourceType: "CARD",
    locationId: seller.locationId,
    amountMoney: { amount: 1250n, currency: "USD" },
    billingAddress: { postalCode: "94103" },
    cardDetails: {
      status: "CAPTURED",
      entryMethod: "KEYED",
      card: { cardBrand: "MASTERCARD", last4: "5100", expMonth: 7n, expYear: 2031n, fingerprint: "sq-1-from-payment", bin: "510510", cardType: "CREDIT", prepaidType: "NOT_PREPAID" },
    },
    createdAt: new Date().toISOString(),
    ...overrides,
  };
  tables(local.emulator.ctx.store).payments.put(seller.merchantId, id, payment);
  return id;
}

describe("CreateCard from an earlier payment", () => {
  it("stores the card of a completed keyed card payment, once", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const paymentId = recordPayment(seller);
    const card = await createCard(seller, paymentId, { customerId, billingAddress: { postalCode: "94103" } });
    expect(card).toMatchObject({
      cardBrand: "MASTERCARD",
      last4: "5100",
      expMonth: 7n,
      expYear: 2031n,
      fingerprint: "sq-1-from-payment",
      bin: "510510",
      customerId,
      enabled: true,
      version: 1n,
    });
    const again = await squareError(createCard(seller, paymentId, { customerId }));
    expect(again.errors[0]).toMatchObject({ code: "SOURCE_USED", field: "source_id" });
  });

  it.each([
    ["not completed", { status: "APPROVED" }],
    ["paid in cash", { sourceType: "CASH", cardDetails: undefined }],
    ["paid with a card already on file", { cardDetails: { status: "CAPTURED", entryMethod: "ON_FILE", card: { cardBrand: "VISA", last4: "1111" } } }],
  ] as [string, Partial<Square.Payment>][])("refuses a payment %s with INVALID_CARD_DATA", async (_name, overrides) => {
    const seller = await local.newSeller();
    const err = await squareError(createCard(seller, recordPayment(seller, overrides), { customerId: await newCustomer(seller) }));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ code: "INVALID_CARD_DATA", field: "source_id" });
  });

  it("refuses a billing postal code that differs from the payment's", async () => {
    const seller = await local.newSeller();
    const err = await squareError(createCard(seller, recordPayment(seller), { customerId: await newCustomer(seller), billingAddress: { postalCode: "10001" } }));
    expect(err.errors[0]).toMatchObject({ code: "INVALID_CARD_DATA" });
  });

  it("does not see another seller's payments", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    const err = await squareError(createCard(b, recordPayment(a), { customerId: await newCustomer(b) }));
    expect(err.statusCode).toBe(404);
  });
});
