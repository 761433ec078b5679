import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { createCard, newCustomer, startReceiver } from "./cards-fixtures";

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

interface WireCard {
  id: string;
  last_4: string;
  exp_month: number;
  exp_year: number;
  version: number;
}

const autoUpdate = (seller: TestSeller, body: unknown) => local.admin("/_emulator/cards/auto-update", body, seller.accessToken);
// The sandbox card expires 11/2030; reissued cards run three years past that (or past now).
const NEW_YEAR = Math.max(2030, new Date().getUTCFullYear()) + 3;
const updated = async (res: Response) => ((await res.json()) as { cards: WireCard[] }).cards;

describe("POST /_emulator/cards/auto-update (Square's card updater)", () => {
  it("gives every enabled card of the seller a later expiry, bumps its version and fires card.automatically_updated", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const a = await createCard(seller, "cnon:card-nonce-ok", { customerId });
    const b = await createCard(seller, "cnon:card-nonce-ok", { customerId });
    const off = await createCard(seller, "cnon:card-nonce-ok", { customerId });
    await seller.client.cards.disable({ cardId: off.id! });
    const res = await autoUpdate(seller, { new_last_4: false });
    expect(res.status).toBe(200);
    const cards = await updated(res);
    expect(cards.map((c) => c.id)).toEqual([a.id, b.id]);
    for (const card of cards) expect(card).toMatchObject({ last_4: "5858", exp_month: 11, exp_year: NEW_YEAR, version: 2 });
    const after = (await seller.client.cards.get({ cardId: a.id! })).card!;
    expect(after).toMatchObject({ expYear: BigInt(NEW_YEAR), version: 2n, fingerprint: a.fingerprint });
    const event = await receiver.waitFor((e) => e.type === "card.automatically_updated" && e.data.id === a.id);
    expect(event.data).toMatchObject({ type: "card", object: { card: { id: a.id, exp_year: NEW_YEAR, version: 2 } } });
    expect((await seller.client.cards.get({ cardId: off.id! })).card?.version).toBe(2n);
  });

  it("updates only the named cards, optionally with a new number", async () => {
    const seller = await local.newSeller();
    const customerId = await newCustomer(seller);
    const a = await createCard(seller, "cnon:card-nonce-ok", { customerId });
    const b = await createCard(seller, "cnon:card-nonce-ok", { customerId });
    const [card] = await updated(await autoUpdate(seller, { card_ids: [b.id], new_last_4: true }));
    expect(card.id).toBe(b.id);
    expect(card.last_4).toMatch(/^\d{4}$/);
    expect(card.last_4).not.toBe("5858");
    expect((await seller.client.cards.get({ cardId: a.id! })).card?.version).toBe(1n);
  });

  it("404s unknown or foreign cards, 400s disabled ones and bad bodies, and needs the seller's token", async () => {
    const seller = await local.newSeller();
    const other = await local.newSeller();
    const card = await createCard(seller, "cnon:card-nonce-ok", { customerId: await newCustomer(seller) });
    expect((await autoUpdate(other, { card_ids: [card.id] })).status).toBe(404);
    await seller.client.cards.disable({ cardId: card.id! });
    expect((await autoUpdate(seller, { card_ids: [card.id] })).status).toBe(400);
    expect((await autoUpdate(seller, { cards: [] })).status).toBe(400);
    expect((await local.admin("/_emulator/cards/auto-update", {})).status).toBe(401);
  });
});
