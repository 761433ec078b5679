import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mintToken, startTestEmulator, VISA, type TestEmulator } from "@/test/local-square";
import { listAudit } from "@/lib/db/queries/audit-log";
import { listCardConsents } from "@/lib/db/queries/card-consents";
import { mirrorCards } from "@/lib/db/schema";
import { reshapePayment } from "@/lib/square/payments";
import { applyToMirror } from "@/lib/sync/apply";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { SELLER_CONSENT_WORDING_VERSION } from "./consent";
import { disableCard } from "./disable-card";
import { saveCard, saveCardFromPayment } from "./save-card";
import { mirroredCustomer, opsSeller, TEST_PAGE_META, type OpsSeller } from "./test-support/ops-seller";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describeEachDatabase("cards on file from the dashboard, at the local Square", ({ db }) => {
  const seller = async () => opsSeller(db(), await local.newSeller(), testSquareConfig(local));
  const calls = async (s: OpsSeller) => ((await (await local.admin("/_emulator/stats", undefined, s.square.accessToken)).json()) as { total: number; calls: Record<string, number> });
  const resetCalls = (s: OpsSeller) => local.admin("/_emulator/stats/reset", {}, s.square.accessToken);
  const cardsAtSquare = async (s: OpsSeller, customerId: string) => (await s.square.client.cards.list({ customerId, includeDisabled: true })).data;
  const token = (s: OpsSeller, card = VISA) => mintToken(local, s.square, card, {
    verificationDetails: { intent: "STORE", billingContact: { givenName: "Ada" }, customerInitiated: false, sellerKeyedIn: true },
  });

  it("refuses to save a card without the customer's consent, and saves nothing", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    const sourceId = await token(s);
    await resetCalls(s);
    for (const consent of [false, undefined, "true", 1]) {
      const result = await saveCard(s.ctx, { customerId, sourceId, postalCode: "94103", consent });
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { consent: ["Tick the box to confirm the customer agreed to have this card saved."] } });
    }
    expect((await calls(s)).total).toBe(0);
    expect(await cardsAtSquare(s, customerId)).toEqual([]);
    expect(await listCardConsents(db(), { merchantId: s.square.merchantId, customerId })).toEqual([]);
    expect(await listAudit(db(), { merchantId: s.square.merchantId })).toEqual([]);
  });

  it("with consent: CreateCard with the customer and billing postal code, a consent record, the mirror and the audit log", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    const sourceId = await token(s);
    await resetCalls(s);
    const result = await saveCard(s.ctx, { customerId, sourceId, postalCode: "94103", consent: true });
    expect(result).toMatchObject({ ok: true, data: { cardBrand: "VISA", last4: "1111" } });
    if (!result.ok) return;
    expect((await calls(s)).calls).toEqual({ "POST /v2/cards": 1 });
    const [card] = await cardsAtSquare(s, customerId);
    expect(card).toMatchObject({ id: result.data.cardId, customerId, enabled: true, cardholderName: "Ada Lovelace", billingAddress: { postalCode: "94103" } });
    const consents = await listCardConsents(db(), { merchantId: s.square.merchantId, customerId });
    expect(consents).toEqual([
      expect.objectContaining({ cardId: card.id, wordingVersion: SELLER_CONSENT_WORDING_VERSION, page: "/customers/test", userAgent: TEST_PAGE_META.userAgent, ip: TEST_PAGE_META.ip }),
    ]);
    const [mirrored] = await db().select().from(mirrorCards).where(and(eq(mirrorCards.merchantId, s.square.merchantId), eq(mirrorCards.id, card.id!)));
    expect(mirrored).toMatchObject({ customerId, enabled: true, last4: "1111" });
    expect(await listAudit(db(), { merchantId: s.square.merchantId })).toEqual([
      expect.objectContaining({ actor: `seller:${s.square.merchantId}`, action: "card.saved", objectIds: [card.id, customerId] }),
    ]);

    // A double submit of the same token replays: still one card and one consent.
    expect(await saveCard(s.ctx, { customerId, sourceId, postalCode: "94103", consent: true })).toMatchObject({ ok: true, data: { cardId: card.id } });
    expect(await cardsAtSquare(s, customerId)).toHaveLength(1);
    expect(await listCardConsents(db(), { merchantId: s.square.merchantId, customerId })).toHaveLength(1);
  });

  it.each([
    ["a wrong CVV", { ...VISA, cvv: "911" }, "94103", "The card's security code (CVV) was refused."],
    ["a postal code the bank refuses", { ...VISA, postalCode: "99999" }, "99999", "The postal code doesn't match the card's billing address."],
    ["a bad expiry", { ...VISA, expirationDate: "01/40" }, "94103", "The card has expired, or its expiry date is wrong."],
    ["a card the bank will not store", { ...VISA, number: "4000 0000 0000 0010" }, "94103", "The card was declined."],
    ["a postal code other than the card's", VISA, "10001", "Square couldn't save this card. Check that the postal code is the card's billing postal code"],
  ])("explains a refused card (%s) and records nothing", async (_, keyed, postalCode, message) => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    const result = await saveCard(s.ctx, { customerId, sourceId: await token(s, keyed), postalCode, consent: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
    expect(await cardsAtSquare(s, customerId)).toEqual([]);
    expect(await listCardConsents(db(), { merchantId: s.square.merchantId, customerId })).toEqual([]);
    expect(await listAudit(db(), { merchantId: s.square.merchantId })).toEqual([]);
  });

  it("saves the card of an earlier payment (CreateCard with the payment id), only with consent", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    const { payment } = await s.square.client.payments.create({ idempotencyKey: randomUUID(), sourceId: await token(s), amountMoney: { amount: BigInt(1200), currency: "USD" }, customerId });
    await applyToMirror(db(), s.square.merchantId, { fetchedAt: new Date(), payments: [reshapePayment(payment!)] });

    expect(await saveCardFromPayment(s.ctx, { customerId, paymentId: payment!.id })).toMatchObject({ ok: false, fieldErrors: { consent: [expect.any(String)] } });
    expect(await cardsAtSquare(s, customerId)).toEqual([]);

    const result = await saveCardFromPayment(s.ctx, { customerId, paymentId: payment!.id, consent: true });
    expect(result).toMatchObject({ ok: true, data: { last4: "1111" } });
    expect(await cardsAtSquare(s, customerId)).toEqual([expect.objectContaining({ customerId, last4: "1111", enabled: true })]);
    expect(await listCardConsents(db(), { merchantId: s.square.merchantId, customerId })).toEqual([expect.objectContaining({ wordingVersion: SELLER_CONSENT_WORDING_VERSION })]);
    expect((await listAudit(db(), { merchantId: s.square.merchantId }))[0]).toMatchObject({ action: "card.saved", details: { from: "payment", paymentId: payment!.id } });
  });

  it("disables a card on file; a second time says it already is", async () => {
    const s = await seller();
    const customerId = await mirroredCustomer(s);
    const saved = await saveCard(s.ctx, { customerId, sourceId: await token(s), postalCode: "94103", consent: true });
    const cardId = saved.ok ? saved.data.cardId : "";
    expect(await disableCard(s.ctx, { customerId, cardId })).toEqual({ ok: true, data: { cardId } });
    expect((await cardsAtSquare(s, customerId))[0]).toMatchObject({ enabled: false });
    const [mirrored] = await db().select().from(mirrorCards).where(and(eq(mirrorCards.merchantId, s.square.merchantId), eq(mirrorCards.id, cardId)));
    expect(mirrored.enabled).toBe(false);
    await resetCalls(s);
    expect(await disableCard(s.ctx, { customerId, cardId })).toMatchObject({ ok: false, message: "This card is already disabled." });
    expect((await calls(s)).total).toBe(0);
    expect((await listAudit(db(), { merchantId: s.square.merchantId })).map((e) => e.action)).toEqual(["card.disabled", "card.saved"]);
  });

  it("refuses another seller's customers, cards and payments before asking Square", async () => {
    const victim = await seller();
    const attacker = await seller();
    const customerId = await mirroredCustomer(victim);
    const saved = await saveCard(victim.ctx, { customerId, sourceId: await token(victim), postalCode: "94103", consent: true });
    const cardId = saved.ok ? saved.data.cardId : "";
    const { payment } = await victim.square.client.payments.create({ idempotencyKey: randomUUID(), sourceId: "cnon:card-nonce-ok", amountMoney: { amount: BigInt(500), currency: "USD" }, customerId });
    await applyToMirror(db(), victim.square.merchantId, { fetchedAt: new Date(), payments: [reshapePayment(payment!)] });
    const own = await mirroredCustomer(attacker);
    await resetCalls(attacker);

    const refusals = [
      await saveCard(attacker.ctx, { customerId, sourceId: "cnon:card-nonce-ok", postalCode: "94103", consent: true }),
      await saveCardFromPayment(attacker.ctx, { customerId, paymentId: payment!.id, consent: true }),
      await saveCardFromPayment(attacker.ctx, { customerId: own, paymentId: payment!.id, consent: true }),
      await disableCard(attacker.ctx, { customerId, cardId }),
      await disableCard(attacker.ctx, { customerId: own, cardId }),
    ];
    for (const r of refusals) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await calls(attacker)).total).toBe(0);
    expect((await cardsAtSquare(victim, customerId))[0]).toMatchObject({ enabled: true });
    expect(await cardsAtSquare(attacker, own)).toEqual([]);
  });
});
