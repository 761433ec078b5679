import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { mintToken, startTestEmulator, VISA, type TestEmulator } from "@/test/local-square";
import { expectNoWrite, sellerRows, squareCalls } from "@/test/no-write";
import { testSquareConfig } from "@/test/square";
import { chargeOnFile } from "./charge-on-file";
import type { CustomerOpsContext } from "./context";
import { createCustomer, findExistingCustomers } from "./create-customer";
import { disableCard } from "./disable-card";
import { linkGiftCard, unlinkGiftCard } from "./gift-card-links";
import { createOrderForCustomer } from "./order-for-customer";
import { saveCard, saveCardFromPayment } from "./save-card";
import { CASES, OPS, type Case, type Op, type World } from "./test-support/bad-input-cases";
import { mirroredCustomer, opsSeller, type OpsSeller } from "./test-support/ops-seller";
import { updateCustomer } from "./update-customer";

/**
 * The customer actions' cores against hostile input (the table in test-support/bad-input-cases.ts):
 * each case gets its specific error naming the field, and writes nothing at Square or in Patron.
 */
const RUN: Record<Op, (ctx: CustomerOpsContext, input: unknown) => Promise<unknown>> = {
  createCustomer,
  updateCustomer,
  findExistingCustomers,
  saveCard,
  saveCardFromPayment,
  disableCard,
  linkGiftCard,
  unlinkGiftCard,
  chargeOnFile,
  createOrderForCustomer,
};

type Failure = { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

// Zod's own English, which no seller should ever read.
const ZOD_DEFAULT = /Invalid input|expected \w+, received|Too (big|small)|Invalid (string|uuid|UUID|option)|Unrecognized key/;

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describeEachDatabase("hostile input to the customer actions", ({ db, engine }) => {
  let own: OpsSeller;
  let world: World;

  /** A seller with two customers, one with a card and a gift card on file; another seller with the same and a payment. */
  async function sellerWithCards() {
    const s = await opsSeller(db(), await local.newSeller(), testSquareConfig(local));
    const customerId = await mirroredCustomer(s);
    const otherCustomerId = await mirroredCustomer(s, { givenName: "Grace" });
    const sourceId = await mintToken(local, s.square, VISA, { verificationDetails: { intent: "STORE", billingContact: {}, customerInitiated: false, sellerKeyedIn: true } });
    const card = await saveCard(s.ctx, { customerId, sourceId, postalCode: "94103", consent: true });
    const giftCard = await linkGiftCard(s.ctx, { customerId, gan: "7783320000000000" });
    if (!card.ok || !giftCard.ok) throw new Error("setting up the seller failed");
    return { s, customerId, otherCustomerId, cardId: card.data.cardId, giftCardId: giftCard.data.giftCardId };
  }

  beforeAll(async () => {
    const [mine, theirs] = [await sellerWithCards(), await sellerWithCards()];
    own = mine.s;
    const paid = await chargeOnFile(theirs.s.ctx, { customerId: theirs.customerId, attemptId: randomUUID(), sourceId: theirs.cardId, amount: "3.00" });
    const { giftCard } = await theirs.s.square.client.giftCards.create({ idempotencyKey: randomUUID(), locationId: theirs.s.square.locationId, giftCard: { type: "DIGITAL" } });
    if (!paid.ok || !giftCard?.gan) throw new Error("setting up the other seller failed");
    world = {
      own: { customerId: mine.customerId, otherCustomerId: mine.otherCustomerId, cardId: mine.cardId, giftCardId: mine.giftCardId },
      victim: { customerId: theirs.customerId, cardId: theirs.cardId, giftCardId: theirs.giftCardId, gan: giftCard.gan, paymentId: paid.data.paymentId },
    };
  });

  it("every customer action has hostile-input cases", () => {
    expect(OPS.filter((op) => !CASES.some((c) => c.op === op))).toEqual([]);
  });

  // Validation is the same code on either engine: PostgreSQL runs the cases that read the mirror.
  const cases = engine === "pglite" ? CASES : CASES.filter((c) => !("code" in c.expected) || c.expected.code !== "INVALID_INPUT" || c.expected.asksSquare);

  it.each(cases.map((c): [string, Case] => [`${c.op}: ${c.what}`, c]))("%s", async (_, c) => {
    const seller = { local, db: db(), merchantId: own.square.merchantId, token: own.square.accessToken };
    const result = await expectNoWrite(seller, () => RUN[c.op](own.ctx, c.input(world)));
    const e = c.expected;
    if ("nothingFound" in e) {
      expect(result).toEqual({ ok: true, data: [] });
      expect(await squareCalls(seller)).toEqual({});
      return;
    }
    expect(result).toMatchObject({ ok: false, code: e.code });
    const failure = result as Failure;
    if (e.code === "NOT_FOUND") return expect(failure.message).toBe(e.message);

    const messages = failure.fieldErrors?.[e.field];
    expect(messages, `an error on "${e.field}" (got ${JSON.stringify(failure.fieldErrors)})`).toBeDefined();
    for (const m of messages!) {
      expect(m, "a sentence for the seller").toMatch(/^[A-Z"$].*[.!?]$/);
      expect(m).not.toMatch(ZOD_DEFAULT);
    }
    if (e.message) expect(messages!.join(" ")).toMatch(e.message);
    if (!e.asksSquare) expect(await squareCalls(seller), "refused before Square was asked").toEqual({});
  });

  /**
   * Idempotency keys come from the form's attempt id. The same attempt sent twice writes once; the
   * same attempt with other content is refused by Square (IDEMPOTENCY_KEY_REUSED), in the seller's words.
   */
  const REPLAYS: { op: Op; first: (w: World) => Record<string, unknown>; changed: Record<string, unknown>; message: RegExp; objects: () => Promise<number> }[] = [
    {
      op: "createCustomer",
      first: () => ({ attemptId: randomUUID(), allowDuplicate: true, values: { givenName: "Replay", emailAddress: `replay.${randomUUID().slice(0, 8)}@example.com` } }),
      changed: { values: { givenName: "Changed" } },
      message: /customer may already exist/,
      objects: async () => (await own.square.client.customers.list({})).data.length,
    },
    {
      op: "chargeOnFile",
      first: (w) => ({ customerId: w.own.customerId, attemptId: randomUUID(), sourceId: w.own.cardId, amount: "2.00" }),
      changed: { amount: "2.50" },
      message: /This charge changed after it was first sent/,
      objects: async () => (await own.square.client.payments.list({ locationId: own.square.locationId })).data.length,
    },
    {
      op: "createOrderForCustomer",
      first: (w) => ({ customerId: w.own.customerId, attemptId: randomUUID(), lineItems: [{ name: "Scone", quantity: 1, price: "3.00" }] }),
      changed: { lineItems: [{ name: "Scone", quantity: 2, price: "3.00" }] },
      message: /changed after it was first sent/,
      objects: async () => (await own.square.client.orders.search({ locationIds: [own.square.locationId] })).orders?.length ?? 0,
    },
  ];

  it.each(REPLAYS.map((r): [Op, (typeof REPLAYS)[number]] => [r.op, r]))("%s: the same attempt twice writes once; changed, it is refused and writes nothing", async (op, r) => {
    const input = r.first(world);
    const before = await r.objects();
    const first = await RUN[op](own.ctx, input);
    expect(first).toMatchObject({ ok: true });
    expect(await RUN[op](own.ctx, input)).toEqual(first);
    expect(await r.objects()).toBe(before + 1);

    const rows = await sellerRows(db(), own.square.merchantId);
    const changed = await RUN[op](own.ctx, { ...input, ...r.changed });
    expect(changed).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((changed as Failure).message).toMatch(r.message);
    expect(await r.objects()).toBe(before + 1);
    expect(await sellerRows(db(), own.square.merchantId)).toEqual(rows);
  });
});
