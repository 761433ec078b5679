import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { listCardConsents } from "@/lib/db/queries/card-consents";
import { checkoutAttempts } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { runCheckout } from "./run-checkout";
import { connectSeller, createTestLink, submission, TEST_META, testCheckoutDeps, type LocalSquareSeller } from "./test-support/checkout-seller";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describeEachDatabase("checkout retries: double submits, reloads, declines and gift cards", ({ db }) => {
  const deps = () => testCheckoutDeps(db(), testSquareConfig(local));
  type Seller = LocalSquareSeller & { client: TestEmulator extends { newSeller(): Promise<infer S> } ? S extends { client: infer C } ? C : never : never };

  async function seller(): Promise<Seller> {
    const square = await local.newSeller();
    await connectSeller(db(), square, "Retry Roasters");
    return square;
  }
  const payments = async (s: Seller) => (await s.client.payments.list({ locationId: s.locationId })).data;
  const orders = async (s: Seller) => (await s.client.orders.search({ locationIds: [s.locationId] })).orders ?? [];
  const customers = async (s: Seller) => (await s.client.customers.list()).data;
  const squareCalls = async (s: Seller) => ((await (await local.admin("/_emulator/stats", undefined, s.accessToken)).json()) as { total: number }).total;

  it("a double submit (same attempt, same token, at once) makes one customer, one order, one payment and one consent", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const input = submission(link.id, { saveCard: true });
    const [a, b] = await Promise.all([runCheckout(deps(), input, TEST_META), runCheckout(deps(), input, TEST_META)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.receipt.paymentId).toBe(a.receipt.paymentId);
    expect(await customers(s)).toHaveLength(1);
    expect(await orders(s)).toHaveLength(1);
    expect(await payments(s)).toHaveLength(1);
    const customerId = (await customers(s))[0].id!;
    expect((await s.client.cards.list({ customerId })).data).toHaveLength(1);
    expect(await listCardConsents(db(), { merchantId: s.merchantId, customerId })).toHaveLength(1);
  });

  it("submitting again after success (a reload, a retry, a new token) replays the receipt without asking Square", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const input = submission(link.id);
    const first = await runCheckout(deps(), input, TEST_META);
    await local.admin("/_emulator/stats/reset", {}, s.accessToken);
    const again = await runCheckout(deps(), input, TEST_META);
    const newToken = await runCheckout(deps(), { ...input, sourceId: "cnon:card-nonce-declined" }, TEST_META);
    expect(await squareCalls(s)).toBe(0);
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(newToken).toMatchObject({ ok: true, replayed: true });
    expect(again.ok && first.ok && again.receipt).toEqual(first.ok && first.receipt);
    expect(await payments(s)).toHaveLength(1);
  });

  it("when the answer of a successful payment was lost, a retry (same token or a new card) returns that payment instead of charging again", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const input = submission(link.id);
    const first = await runCheckout(deps(), input, TEST_META);
    const paymentId = first.ok ? first.receipt.paymentId : "";
    // As if the process died after Square charged but before Patron recorded it.
    const forget = () => db().update(checkoutAttempts).set({ status: "started", paymentId: null, completedAt: null }).where(eq(checkoutAttempts.id, input.attemptId));
    await forget();
    expect(await runCheckout(deps(), input, TEST_META)).toMatchObject({ ok: true, replayed: false, receipt: { paymentId } });
    await forget();
    expect(await runCheckout(deps(), { ...input, sourceId: "cnon:gift-card-nonce-ok" }, TEST_META)).toMatchObject({ ok: true, receipt: { paymentId, paymentMethod: "CARD" } });
    expect(await payments(s)).toHaveLength(1);
  });

  it.each([
    ["cnon:card-nonce-declined", "declined", "GENERIC_DECLINE", /card was declined/],
    ["cnon:card-nonce-rejected-cvv", "cvv", "CVV_FAILURE", /security code \(CVV\)/],
    ["cnon:card-nonce-rejected-postalcode", "postal_code", "ADDRESS_VERIFICATION_FAILURE", /postal code/],
    ["cnon:card-nonce-rejected-expiration", "expired", "INVALID_EXPIRATION", /expired/],
    ["cnon:gift-card-nonce-insufficient-funds", "insufficient_funds", "INSUFFICIENT_FUNDS", /gift card doesn't have enough balance/],
  ])("%s is declined as %s with a plain reason, and the buyer can pay with another card on the same open order", async (nonce, reason, code, message) => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const input = submission(link.id, { sourceId: nonce });
    const declined = await runCheckout(deps(), input, TEST_META);
    expect(declined).toMatchObject({ ok: false, code: "DECLINED", reason, squareCodes: expect.arrayContaining([code]) });
    expect(!declined.ok && declined.message).toMatch(message);
    const [order] = await orders(s);
    expect(order.state).toBe("OPEN");
    expect((await payments(s)).map((p) => p.status)).toEqual(["FAILED"]);

    const paid = await runCheckout(deps(), { ...input, sourceId: "cnon:card-nonce-ok" }, TEST_META);
    expect(paid.ok).toBe(true);
    expect((await orders(s)).map((o) => [o.id, o.state])).toEqual([[order.id, "COMPLETED"]]);
    expect((await payments(s)).map((p) => p.status).sort()).toEqual(["COMPLETED", "FAILED"]);
    expect((await payments(s)).find((p) => p.status === "COMPLETED")!.orderId).toBe(order.id);
    expect(await customers(s)).toHaveLength(1);
  });

  it("pays with a gift card that has the balance, never saving it as a card on file", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const outcome = await runCheckout(deps(), submission(link.id, { sourceId: "cnon:gift-card-nonce-ok", saveCard: true }), TEST_META);
    expect(outcome).toMatchObject({ ok: true, receipt: { paymentMethod: "GIFT_CARD", cardBrand: "SQUARE_GIFT_CARD", cardSaved: false, cardSaveError: null } });
    expect((await s.client.cards.list({ customerId: (await customers(s))[0].id! })).data).toEqual([]);
  });

  it("declines a gift card whose balance (500.00) is less than the order, then takes the order a card can pay", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s, { lineItems: [{ name: "Espresso machine", quantity: 1, unitAmount: 60_000 }] });
    const input = submission(link.id, { sourceId: "cnon:gift-card-nonce-ok" });
    expect(await runCheckout(deps(), input, TEST_META)).toMatchObject({ ok: false, code: "DECLINED", reason: "insufficient_funds" });
    const { giftCard } = await s.client.giftCards.getFromGan({ gan: "7783320000000000" });
    expect(giftCard!.balanceMoney!.amount).toBe(BigInt(50_000));
    expect(await runCheckout(deps(), { ...input, sourceId: "cnon:card-nonce-ok" }, TEST_META)).toMatchObject({ ok: true });
  });

  it("a returning buyer whom Square's search does not find yet gets the profile Patron made for them", async () => {
    const s = await seller();
    const link = await createTestLink(db(), s);
    const email = `lagging.${randomUUID().slice(0, 6)}@example.com`;
    const first = await runCheckout(deps(), submission(link.id, { email }), TEST_META);
    expect(first.ok).toBe(true);
    // Stand-in for search lag: the profile no longer matches the email search.
    const [created] = await customers(s);
    await s.client.customers.update({ customerId: created.id!, emailAddress: null, givenName: "Renamed" });
    const second = await runCheckout(deps(), submission(link.id, { email }), TEST_META);
    expect(second.ok).toBe(true);
    expect(await customers(s)).toHaveLength(1);
    expect((await payments(s)).map((p) => p.customerId)).toEqual([created.id, created.id]);
  });
});
