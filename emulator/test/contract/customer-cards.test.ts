import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../harness";
import { mintToken, newCustomer, recordMerge, squareError, startReceiver, VISA } from "./cards-fixtures";

let local: TestEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
  local = await startTestEmulator({ webhookUrl: receiver.url });
});
afterAll(async () => {
  await local.stop();
  await receiver.close();
});

describe("Deprecated CreateCustomerCard", () => {
  it("stores a card for the customer in the path, fires card.created, and returns the first card when repeated", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const cardNonce = await mintToken(local, seller);
    const { card } = await seller.client.customers.cards.create({ customerId, cardNonce, cardholderName: "Ada", billingAddress: { postalCode: "94103" } });
    expect(card).toMatchObject({ customerId, cardholderName: "Ada", last4: "1111", enabled: true, version: 1n });
    await receiver.waitFor((e) => e.type === "card.created" && e.data.id === card!.id);
    const again = await seller.client.customers.cards.create({ customerId, cardNonce });
    expect(again.card?.id).toBe(card!.id);
    expect((await seller.client.cards.get({ cardId: card!.id! })).card?.customerId).toBe(customerId);
  });

  it("404s an unknown customer and names failures the deprecated way", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const unknown = await squareError(seller.client.customers.cards.create({ customerId: "NOPE", cardNonce: "cnon:card-nonce-ok" }));
    expect(unknown.statusCode).toBe(404);
    const avs = await squareError(
      seller.client.customers.cards.create({ customerId, cardNonce: await mintToken(local, seller), billingAddress: { postalCode: "10001" } }),
    );
    expect(avs.errors[0]).toMatchObject({ code: "VERIFY_AVS_FAILURE" });
    const cvv = await squareError(seller.client.customers.cards.create({ customerId, cardNonce: await mintToken(local, seller, { ...VISA, cvv: "911" }) }));
    expect(cvv.errors[0]).toMatchObject({ code: "VERIFY_CVV_FAILURE" });
    const expired = await squareError(seller.client.customers.cards.create({ customerId, cardNonce: "cnon:card-nonce-rejected-expiration" }));
    expect(expired.errors[0]).toMatchObject({ code: "INVALID_EXPIRATION" });
    const missing = await squareError(seller.client.customers.cards.create({ customerId, cardNonce: "cnon:nope" }));
    expect(missing.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "card_nonce" });
  });

  it("needs CUSTOMERS_WRITE", async () => {
    const seller = await local.newSeller({ scopes: ["CUSTOMERS_READ", "PAYMENTS_WRITE", "PAYMENTS_READ"] });
    const err = await squareError(seller.client.customers.cards.create({ customerId: "X", cardNonce: "cnon:card-nonce-ok" }));
    expect(err.statusCode).toBe(403);
    expect((await squareError(seller.client.customers.cards.delete({ customerId: "X", cardId: "ccof:x" }))).statusCode).toBe(403);
  });
});

describe("Deprecated DeleteCustomerCard", () => {
  it("disables the card (still retrievable), answers {}, fires card.disabled, and 404s a second delete", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const { card } = await seller.client.customers.cards.create({ customerId, cardNonce: "cnon:card-nonce-ok" });
    const deleted = await seller.client.customers.cards.delete({ customerId, cardId: card!.id! });
    expect(deleted).toEqual({});
    expect((await seller.client.cards.get({ cardId: card!.id! })).card).toMatchObject({ enabled: false, version: 2n });
    await receiver.waitFor((e) => e.type === "card.disabled" && e.data.id === card!.id);
    expect((await squareError(seller.client.customers.cards.delete({ customerId, cardId: card!.id! }))).statusCode).toBe(404);
  });

  it("only deletes a card of that customer (or of its merged group)", async () => {
    const seller = await local.newSeller();
    const owner = await newCustomer(seller, "Owner");
    const other = await newCustomer(seller, "Other");
    const survivor = await newCustomer(seller, "Survivor");
    const { card } = await seller.client.customers.cards.create({ customerId: owner, cardNonce: "cnon:card-nonce-ok" });
    expect((await squareError(seller.client.customers.cards.delete({ customerId: other, cardId: card!.id! }))).statusCode).toBe(404);
    recordMerge(local, seller, owner, survivor);
    await expect(seller.client.customers.cards.delete({ customerId: survivor, cardId: card!.id! })).resolves.toEqual({});
  });
});
