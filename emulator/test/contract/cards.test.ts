import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../harness";
import { createCard, key, mintToken, newCustomer, squareError, startReceiver } from "./cards-fixtures";

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

describe("CreateCard", () => {
  it("stores a minted token as an enabled card, version 1, and fires card.created", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const token = await mintToken(local, seller);
    const card = await createCard(seller, token, { customerId, cardholderName: "Ada Lovelace", referenceId: "ref-1", billingAddress: { postalCode: "94103" } });
    expect(card).toMatchObject({
      cardBrand: "VISA",
      last4: "1111",
      bin: "411111",
      expMonth: 12n,
      expYear: 2034n,
      cardholderName: "Ada Lovelace",
      customerId,
      merchantId: seller.merchantId,
      referenceId: "ref-1",
      enabled: true,
      cardType: "CREDIT",
      prepaidType: "NOT_PREPAID",
      version: 1n,
      billingAddress: { postalCode: "94103" },
    });
    expect(card.id).toMatch(/^ccof:/);
    expect(card.fingerprint).toMatch(/^sq-1-/);
    const event = await receiver.waitFor((e) => e.type === "card.created" && e.data.id === card.id);
    expect(event).toMatchObject({ merchant_id: seller.merchantId, data: { type: "card", object: { card: { id: card.id, last_4: "1111", version: 1 } } } });
  });

  it("takes the postal code from the token when no billing address is sent", async () => {
    const seller = await local.newSeller();
    const card = await createCard(seller, await mintToken(local, seller), { customerId: await newCustomer(seller) });
    expect(card.billingAddress).toEqual({ postalCode: "94103" });
  });

  it("refuses a billing postal code that differs from the token's with INVALID_CARD_DATA, leaving the token usable", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const token = await mintToken(local, seller);
    const err = await squareError(createCard(seller, token, { customerId, billingAddress: { postalCode: "10001" } }));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code: "INVALID_CARD_DATA", field: "source_id" });
    await expect(createCard(seller, token, { customerId, billingAddress: { postalCode: "94103" } })).resolves.toMatchObject({ enabled: true });
  });

  it("answers an unknown customer with 404 CUSTOMER_NOT_FOUND on card.customer_id", async () => {
    const seller = await local.newSeller();
    const token = await mintToken(local, seller);
    const err = await squareError(createCard(seller, token, { customerId: "NO_SUCH_CUSTOMER" }));
    expect(err.statusCode).toBe(404);
    expect(err.errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code: "CUSTOMER_NOT_FOUND", field: "card.customer_id" });
  });

  it("requires card.customer_id, and refuses unknown tokens with 404", async () => {
    const seller = await local.newSeller();
    const missing = await squareError(createCard(seller, await mintToken(local, seller), {}));
    expect(missing.errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "card.customer_id" });
    const unknown = await squareError(createCard(seller, "cnon:not-a-token", { customerId: await newCustomer(seller) }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "source_id" });
  });

  it("refuses a token already stored with SOURCE_USED", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const token = await mintToken(local, seller);
    await createCard(seller, token, { customerId });
    const err = await squareError(createCard(seller, token, { customerId }));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ code: "SOURCE_USED", field: "source_id" });
  });

  it("replays a repeated idempotency key and refuses it with different data", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const request = { idempotencyKey: key(), sourceId: await mintToken(local, seller), card: { customerId } };
    const first = await seller.client.cards.create(request);
    const again = await seller.client.cards.create(request);
    expect(again.card?.id).toBe(first.card?.id);
    const changed = await squareError(seller.client.cards.create({ ...request, card: { customerId, referenceId: "other" } }));
    expect(changed.errors[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotency_key" });
  });

  it("cannot use another seller's token", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    const err = await squareError(createCard(b, await mintToken(local, a), { customerId: await newCustomer(b) }));
    expect(err.statusCode).toBe(404);
  });
});

describe("RetrieveCard and DisableCard", () => {
  it("retrieves a card, hides it from other sellers, and 404s unknown ids", async () => {
    const seller = await local.newSeller();
    const other = await local.newSeller();
    const card = await createCard(seller, await mintToken(local, seller), { customerId: await newCustomer(seller) });
    expect((await seller.client.cards.get({ cardId: card.id! })).card).toEqual(card);
    const hidden = await squareError(other.client.cards.get({ cardId: card.id! }));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.errors[0].code).toBe("NOT_FOUND");
    expect((await squareError(seller.client.cards.disable({ cardId: "ccof:missing" }))).statusCode).toBe(404);
  });

  it("disables once: enabled false, disabled_at, version 2, card.disabled; again changes nothing", async () => {
    const seller = await local.newSeller();
    const card = await createCard(seller, await mintToken(local, seller), { customerId: await newCustomer(seller) });
    const disabled = (await seller.client.cards.disable({ cardId: card.id! })).card!;
    expect(disabled).toMatchObject({ id: card.id, enabled: false, version: 2n });
    expect(disabled.disabledAt).toBeTruthy();
    const again = (await seller.client.cards.disable({ cardId: card.id! })).card!;
    expect(again).toEqual(disabled);
    expect((await seller.client.cards.get({ cardId: card.id! })).card).toEqual(disabled);
    await receiver.waitFor((e) => e.type === "card.disabled" && e.data.id === card.id);
    expect(receiver.events.filter((e) => e.type === "card.disabled" && e.data.id === card.id)).toHaveLength(1);
  });
});

describe("Cards API scopes", () => {
  it("needs PAYMENTS_READ to read and PAYMENTS_WRITE to write", async () => {
    const owner = await local.newSeller();
    const card = await createCard(owner, await mintToken(local, owner), { customerId: await newCustomer(owner) });
    const readOnly = local.clientFor(owner.accessToken);
    const limited = await local.newSeller({ scopes: ["PAYMENTS_READ"] });
    const denied = await squareError(limited.client.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: "X" } }));
    expect(denied.statusCode).toBe(403);
    expect(denied.errors[0].detail).toContain("[PAYMENTS_WRITE]");
    expect((await squareError(limited.client.cards.disable({ cardId: card.id! }))).statusCode).toBe(403);
    const writeOnly = await local.newSeller({ scopes: ["PAYMENTS_WRITE"] });
    expect((await squareError(writeOnly.client.cards.get({ cardId: card.id! }))).errors[0].detail).toContain("[PAYMENTS_READ]");
    expect((await squareError(writeOnly.client.cards.list())).statusCode).toBe(403);
    await expect(readOnly.cards.get({ cardId: card.id! })).resolves.toBeTruthy();
  });
});
