import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { createCard, newCustomer, recordMerge, squareError } from "./cards-fixtures";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

/** Every card the SDK's auto-paginating iterator yields. */
async function listAll(seller: TestSeller, request: Square.ListCardsRequest = {}) {
  const cards: Square.Card[] = [];
  for await (const card of await seller.client.cards.list(request)) cards.push(card);
  return cards;
}

// The reusable sandbox token keeps these tests about listing, not tokenizing.
const store = (seller: TestSeller, card: Square.Card) => createCard(seller, "cnon:card-nonce-ok", card);

describe("ListCards", () => {
  it("answers {} when the seller has no cards", async () => {
    const seller = await local.newSeller();
    const page = await seller.client.cards.list();
    expect(page.data).toEqual([]);
    expect(page.response).toEqual({});
  });

  it("pages 25 at a time with a cursor, in creation order, or newest first with DESC", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const created: string[] = [];
    for (let i = 0; i < 27; i++) created.push((await store(seller, { customerId, referenceId: `r${i}` })).id!);
    const first = await seller.client.cards.list();
    expect(first.data).toHaveLength(25);
    expect(first.response.cursor).toBeTruthy();
    expect((await listAll(seller)).map((c) => c.id)).toEqual(created);
    expect((await listAll(seller, { sortOrder: "DESC" })).map((c) => c.id)).toEqual([...created].reverse());
    const foreign = await squareError(seller.client.cards.list({ cursor: first.response.cursor, sortOrder: "DESC" }));
    expect(foreign.errors[0]).toMatchObject({ code: "INVALID_CURSOR" });
  });

  it("filters by customer, reference id and enabled state", async () => {
    const seller = await local.newSeller();
    const ada = await newCustomer(seller, "Ada");
    const bob = await newCustomer(seller, "Bob");
    const adaCard = await store(seller, { customerId: ada, referenceId: "gold" });
    const adaOld = await store(seller, { customerId: ada });
    const bobCard = await store(seller, { customerId: bob, referenceId: "gold" });
    await seller.client.cards.disable({ cardId: adaOld.id! });

    expect((await listAll(seller, { customerId: ada })).map((c) => c.id)).toEqual([adaCard.id]);
    expect((await listAll(seller, { customerId: ada, includeDisabled: true })).map((c) => c.id)).toEqual([adaCard.id, adaOld.id]);
    expect((await listAll(seller, { referenceId: "gold" })).map((c) => c.id)).toEqual([adaCard.id, bobCard.id]);
    expect((await listAll(seller, { referenceId: "gold", customerId: bob })).map((c) => c.id)).toEqual([bobCard.id]);
  });

  it("lists a merged group's cards under the old and the surviving customer id", async () => {
    const seller = await local.newSeller();
    const before = await newCustomer(seller, "Ada");
    const duplicate = await newCustomer(seller, "Ada L");
    const survivor = await newCustomer(seller, "Ada Lovelace");
    const stranger = await newCustomer(seller, "Zed");
    const first = await store(seller, { customerId: before });
    const second = await store(seller, { customerId: duplicate });
    await store(seller, { customerId: stranger });
    recordMerge(local, seller, before, survivor);
    recordMerge(local, seller, duplicate, survivor);

    const ids = [first.id, second.id];
    expect((await listAll(seller, { customerId: survivor })).map((c) => c.id)).toEqual(ids);
    expect((await listAll(seller, { customerId: before })).map((c) => c.id)).toEqual(ids);
    expect((await listAll(seller, { customerId: duplicate })).map((c) => c.id)).toEqual(ids);
    // Cards keep the customer id they were stored under.
    expect((await seller.client.cards.get({ cardId: first.id! })).card?.customerId).toBe(before);
  });

  it("never lists another seller's cards", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    await store(a, { customerId: await newCustomer(a) });
    expect(await listAll(b)).toEqual([]);
  });
});
