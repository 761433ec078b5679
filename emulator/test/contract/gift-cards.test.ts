import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintPaymentToken } from "../../src/domain/payment-tokens";
import { failure, key, startMoneyEmulator, usd, type MoneyEmulator } from "./payments-fixtures";

let local: MoneyEmulator;
beforeAll(async () => {
  local = await startMoneyEmulator();
});
afterAll(() => local.stop());

describe("Gift Cards API", () => {
  it("creates a Square-issued DIGITAL card, PENDING with a zero balance, once per idempotency key", async () => {
    const seller = await local.newSeller();
    const request = { idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" as const } };
    const { giftCard } = await seller.client.giftCards.create(request);
    expect(giftCard).toMatchObject({ type: "DIGITAL", ganSource: "SQUARE", state: "PENDING", balanceMoney: usd(0), customerIds: [] });
    expect(giftCard!.id).toMatch(/^gftc:[0-9a-f]{32}$/);
    expect(giftCard!.gan).toMatch(/^778332\d{10}$/);
    expect((await seller.client.giftCards.create(request)).giftCard?.id).toBe(giftCard!.id);
    const reused = await failure(seller.client.giftCards.create({ ...request, giftCard: { type: "PHYSICAL" } }));
    expect(reused.errors[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotency_key" });
    const created = await local.waitForEvent((d) => d.type === "gift_card.created" && d.data.id === giftCard!.id, "gift_card.created");
    expect(created.data).toMatchObject({ type: "gift_card", object: { gift_card: { id: giftCard!.id, state: "PENDING" } } });
  });

  it("takes custom GANs of 8–20 letters and digits, unique per seller", async () => {
    const seller = await local.newSeller();
    const other = await local.newSeller();
    const create = (s: typeof seller, gan?: string) =>
      s.client.giftCards.create({ idempotencyKey: key(), locationId: s.locationId, giftCard: { type: "PHYSICAL", ganSource: "OTHER", gan } });
    const { giftCard } = await create(seller, "PATRON0001");
    expect(giftCard).toMatchObject({ gan: "PATRON0001", ganSource: "OTHER", state: "PENDING" });
    expect((await failure(create(seller, "PATRON0001"))).errors[0]).toMatchObject({ code: "CONFLICT", field: "gift_card.gan" });
    expect((await create(other, "PATRON0001")).giftCard?.gan).toBe("PATRON0001");
    expect((await failure(create(seller, "SHORT1"))).errors[0]).toMatchObject({ code: "VALUE_REGEX_MISMATCH", field: "gift_card.gan" });
    expect((await failure(create(seller, "ABC-12345"))).errors[0].code).toBe("VALUE_REGEX_MISMATCH");
    expect((await failure(create(seller, "4111111111111111"))).errors[0]).toMatchObject({ code: "INVALID_VALUE", field: "gift_card.gan" });
    expect((await failure(create(seller))).errors[0]).toMatchObject({ code: "MISSING_REQUIRED_PARAMETER", field: "gift_card.gan" });
    const digitalWithSquareGan = seller.client.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL", gan: "7783320000001234" } });
    expect((await failure(digitalWithSquareGan)).errors[0]).toMatchObject({ code: "INVALID_VALUE", field: "gift_card.gan" });
  });

  it("refuses unknown locations, missing fields and callers without GIFTCARDS_WRITE", async () => {
    const seller = await local.newSeller();
    const badLocation = await failure(seller.client.giftCards.create({ idempotencyKey: key(), locationId: "NOPE", giftCard: { type: "DIGITAL" } }));
    expect(badLocation.statusCode).toBe(404);
    expect(badLocation.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "location_id" });
    const emptyKey = await failure(seller.client.giftCards.create({ idempotencyKey: "", locationId: seller.locationId, giftCard: { type: "DIGITAL" } }));
    expect(emptyKey.errors[0]).toMatchObject({ code: "VALUE_EMPTY", field: "idempotency_key" });
    const readOnly = await local.newSeller({ scopes: ["GIFTCARDS_READ"] });
    const denied = await failure(readOnly.client.giftCards.create({ idempotencyKey: key(), locationId: readOnly.locationId, giftCard: { type: "DIGITAL" } }));
    expect(denied.statusCode).toBe(403);
    expect(denied.errors[0].detail).toContain("[GIFTCARDS_WRITE]");
  });

  it("retrieves by id and by GAN, never another seller's card", async () => {
    const seller = await local.newSeller();
    const other = await local.newSeller();
    const { giftCard } = await seller.client.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" } });
    expect((await seller.client.giftCards.get({ id: giftCard!.id! })).giftCard).toEqual(giftCard);
    expect((await seller.client.giftCards.getFromGan({ gan: giftCard!.gan! })).giftCard?.id).toBe(giftCard!.id);
    expect((await failure(other.client.giftCards.get({ id: giftCard!.id! }))).statusCode).toBe(404);
    expect((await failure(other.client.giftCards.getFromGan({ gan: giftCard!.gan! }))).errors[0].code).toBe("NOT_FOUND");
  });

  it("resolves gift card nonces: the sandbox card, used and expired tokens, non-gift-card tokens", async () => {
    const seller = await local.newSeller();
    const { giftCard } = await seller.client.giftCards.getFromNonce({ nonce: "cnon:gift-card-nonce-ok" });
    expect(giftCard).toMatchObject({ gan: "7783320000000000", state: "ACTIVE", balanceMoney: usd(50_000) });
    expect((await seller.client.giftCards.getFromGan({ gan: "7783320000000000" })).giftCard?.id).toBe(giftCard!.id);

    const ctx = local.emulator.ctx;
    const minted = mintPaymentToken(ctx, { merchantId: seller.merchantId, method: "gift_card", gan: giftCard!.gan!, verified: false, requiresVerification: false });
    expect((await seller.client.giftCards.getFromNonce({ nonce: minted.token })).giftCard?.id).toBe(giftCard!.id);
    await seller.client.payments.create({ sourceId: minted.token, idempotencyKey: key(), amountMoney: usd(100) });
    expect((await failure(seller.client.giftCards.getFromNonce({ nonce: minted.token }))).errors[0]).toMatchObject({ code: "CARD_TOKEN_USED", field: "nonce" });

    const stale = mintPaymentToken(ctx, { merchantId: seller.merchantId, method: "gift_card", gan: giftCard!.gan!, verified: false, requiresVerification: false });
    ctx.clock.advance(ctx.config.cardNonceTtlSeconds * 1000 + 1);
    expect((await failure(seller.client.giftCards.getFromNonce({ nonce: stale.token }))).errors[0].code).toBe("CARD_TOKEN_EXPIRED");
    expect((await failure(seller.client.giftCards.getFromNonce({ nonce: "cnon:card-nonce-ok" }))).errors[0]).toMatchObject({ code: "INVALID_VALUE" });
    expect((await failure(seller.client.giftCards.getFromNonce({ nonce: "cnon:nothing" }))).statusCode).toBe(404);
  });

  it("lists with type, state and customer filters, pages with a cursor and answers {} when empty", async () => {
    const seller = await local.newSeller();
    const empty = await fetch(`${local.url}/v2/gift-cards`, { headers: { authorization: `Bearer ${seller.accessToken}` } });
    expect(await empty.json()).toEqual({});
    const ids: string[] = [];
    for (const type of ["DIGITAL", "PHYSICAL", "DIGITAL"] as const)
      ids.push((await seller.client.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type } })).giftCard!.id!);
    const all: string[] = [];
    for await (const card of await seller.client.giftCards.list({ limit: 2 })) all.push(card.id!);
    expect(all).toEqual(ids);
    const firstPage = await seller.client.giftCards.list({ limit: 2 });
    expect(firstPage.data).toHaveLength(2);
    expect(firstPage.response.cursor).toBeTruthy();
    expect((await seller.client.giftCards.list({ type: "PHYSICAL" })).data.map((c) => c.id)).toEqual([ids[1]]);
    expect((await seller.client.giftCards.list({ state: "ACTIVE" })).data).toEqual([]);
    expect((await failure(seller.client.giftCards.list({ limit: 201 }))).errors[0]).toMatchObject({ code: "VALUE_TOO_HIGH", field: "limit" });
    expect((await failure(seller.client.giftCards.list({ state: "SHINY" }))).errors[0].code).toBe("INVALID_ENUM_VALUE");
    expect((await failure(seller.client.giftCards.list({ cursor: "made-up" }))).errors[0].code).toBe("INVALID_CURSOR");
  });

  it("links and unlinks customers, with the linked and unlinked ids in the webhooks", async () => {
    const seller = await local.newSeller();
    const { customer } = await seller.client.customers.create({ idempotencyKey: key(), givenName: "Grace", emailAddress: "grace@example.com" });
    const { giftCard } = await seller.client.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" } });
    const linked = await seller.client.giftCards.linkCustomer({ giftCardId: giftCard!.id!, customerId: customer!.id! });
    expect(linked.giftCard?.customerIds).toEqual([customer!.id]);
    expect((await seller.client.giftCards.linkCustomer({ giftCardId: giftCard!.id!, customerId: customer!.id! })).giftCard?.customerIds).toEqual([customer!.id]);
    expect((await seller.client.giftCards.list({ customerId: customer!.id! })).data.map((c) => c.id)).toEqual([giftCard!.id]);
    const event = await local.waitForEvent((d) => d.type === "gift_card.customer_linked" && d.data.id === giftCard!.id, "customer_linked");
    expect(event.data.object).toMatchObject({ linked_customer_id: customer!.id, gift_card: { customer_ids: [customer!.id] } });

    const unlinked = await seller.client.giftCards.unlinkCustomer({ giftCardId: giftCard!.id!, customerId: customer!.id! });
    expect(unlinked.giftCard?.customerIds).toEqual([]);
    const gone = await local.waitForEvent((d) => d.type === "gift_card.customer_unlinked" && d.data.id === giftCard!.id, "customer_unlinked");
    expect(gone.data.object).toMatchObject({ unlinked_customer_id: customer!.id });
    await local.waitForEvent((d) => d.type === "gift_card.updated" && d.data.id === giftCard!.id, "gift_card.updated");

    const ghost = await failure(seller.client.giftCards.linkCustomer({ giftCardId: giftCard!.id!, customerId: "NOSUCHCUSTOMER" }));
    expect(ghost.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "customer_id" });
    expect((await failure(seller.client.giftCards.linkCustomer({ giftCardId: "gftc:nope", customerId: customer!.id! }))).statusCode).toBe(404);
  });
});
