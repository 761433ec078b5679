import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { listAudit } from "@/lib/db/queries/audit-log";
import { listCardConsents } from "@/lib/db/queries/card-consents";
import { mirrorCards, mirrorCustomers, mirrorOrders, mirrorPayments } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { testSquareConfig } from "@/test/square";
import { CONSENT_WORDING_VERSION } from "./consent";
import { runCheckout } from "./run-checkout";
import { connectSeller, createTestLink, submission, TEST_META, testCheckoutDeps, uniquePhone } from "./test-support/checkout-seller";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describeEachDatabase("checkout: customer, order, payment and card at the local Square", ({ db }) => {
  const deps = () => testCheckoutDeps(db(), testSquareConfig(local));

  async function seller(name = `Checkout Café ${randomUUID().slice(0, 6)}`) {
    const square = await local.newSeller({ business_name: name });
    await connectSeller(db(), square, name);
    return { square, name };
  }

  const squareCalls = async (token: string) => ((await (await local.admin("/_emulator/stats", undefined, token)).json()) as { total: number; calls: Record<string, number> });

  it("a new buyer: creates the customer, an order for the link's items and a payment linked to both, and no card", async () => {
    const { square, name } = await seller();
    const link = await createTestLink(db(), square);
    await local.admin("/_emulator/stats/reset", {}, square.accessToken);
    const input = submission(link.id, { phone: uniquePhone().national });
    const outcome = await runCheckout(deps(), input, TEST_META);
    const stats = await squareCalls(square.accessToken);

    expect(outcome).toMatchObject({ ok: true, replayed: false });
    if (!outcome.ok) return;
    const { receipt } = outcome;
    expect(receipt).toMatchObject({
      businessName: name,
      amount: { amount: 2 * 1250 + 399, currency: "USD" },
      paymentMethod: "CARD",
      cardBrand: "VISA",
      cardLast4: "5858",
      cardSaved: false,
      cardSaveError: null,
    });
    expect(receipt.lines).toEqual([
      { name: "Single origin beans", quantity: 2, unitAmount: 1250, totalAmount: 2500 },
      { name: "Paper filters", quantity: 1, unitAmount: 399, totalAmount: 399 },
    ]);
    expect(receipt.receiptNumber).toBe(receipt.paymentId.slice(0, 4));

    const { payment } = await square.client.payments.get({ paymentId: receipt.paymentId });
    expect(payment).toMatchObject({ status: "COMPLETED", buyerEmailAddress: input.email, locationId: square.locationId });
    expect(payment!.amountMoney).toEqual({ amount: BigInt(2899), currency: "USD" });
    const { order } = await square.client.orders.get({ orderId: payment!.orderId! });
    expect(order).toMatchObject({ state: "COMPLETED", customerId: payment!.customerId, referenceId: input.attemptId });
    expect(order!.lineItems!.map((l) => [l.name, l.quantity])).toEqual([["Single origin beans", "2"], ["Paper filters", "1"]]);
    const { customer } = await square.client.customers.get({ customerId: payment!.customerId! });
    expect(customer).toMatchObject({ givenName: "Ada", familyName: "Buyer", emailAddress: input.email, phoneNumber: expect.stringMatching(/^\+1206/) });
    expect((await square.client.cards.list({ customerId: customer!.id })).data).toEqual([]);

    // Square's guide, step by step: search by email, by phone, create, order, pay — nothing else.
    expect(stats.calls).toEqual({ "POST /v2/customers/search": 2, "POST /v2/customers": 1, "POST /v2/orders": 1, "POST /v2/payments": 1 });

    // Written to the mirror from Square's answers, before any webhook.
    const m = square.merchantId;
    expect((await db().select().from(mirrorCustomers).where(and(eq(mirrorCustomers.merchantId, m), eq(mirrorCustomers.id, customer!.id!))))[0]).toMatchObject({ emailAddress: input.email });
    expect((await db().select().from(mirrorOrders).where(and(eq(mirrorOrders.merchantId, m), eq(mirrorOrders.id, order!.id!))))[0]).toMatchObject({ customerId: customer!.id });
    expect((await db().select().from(mirrorPayments).where(and(eq(mirrorPayments.merchantId, m), eq(mirrorPayments.id, receipt.paymentId))))[0]).toMatchObject({
      status: "COMPLETED",
      customerId: customer!.id,
      orderId: order!.id,
    });
    expect((await listAudit(db(), { merchantId: m }))[0]).toMatchObject({ actor: "buyer", action: "checkout.paid", objectIds: [receipt.paymentId, order!.id, customer!.id] });
  });

  it("a returning buyer is found by email, whatever its case, and gets no second profile", async () => {
    const { square } = await seller();
    const link = await createTestLink(db(), square);
    const email = `Grace.${randomUUID().slice(0, 6)}@Example.com`;
    const { customer } = await square.client.customers.create({ idempotencyKey: randomUUID(), givenName: "Grace", emailAddress: email });
    const outcome = await runCheckout(deps(), submission(link.id, { email: email.toUpperCase(), givenName: "G." }), TEST_META);
    expect(outcome.ok).toBe(true);
    const { payment } = await square.client.payments.get({ paymentId: outcome.ok ? outcome.receipt.paymentId : "" });
    expect(payment!.customerId).toBe(customer!.id);
    const search = await square.client.customers.search({ query: { filter: { emailAddress: { exact: email } } } });
    expect(search.customers).toHaveLength(1);
  });

  it("a returning buyer without a matching email is found by phone, typed in the local format", async () => {
    const { square } = await seller();
    const link = await createTestLink(db(), square);
    const phone = uniquePhone();
    const { customer } = await square.client.customers.create({ idempotencyKey: randomUUID(), givenName: "Phoebe", phoneNumber: phone.e164 });
    await local.admin("/_emulator/stats/reset", {}, square.accessToken);
    const outcome = await runCheckout(deps(), submission(link.id, { email: "", phone: phone.national }), TEST_META);
    const stats = await squareCalls(square.accessToken);
    expect(outcome.ok).toBe(true);
    const { payment } = await square.client.payments.get({ paymentId: outcome.ok ? outcome.receipt.paymentId : "" });
    expect(payment!.customerId).toBe(customer!.id);
    expect(stats.calls).toEqual({ "POST /v2/customers/search": 1, "POST /v2/orders": 1, "POST /v2/payments": 1 });
  });

  it("consent ticked: saves the card just paid with to the customer and records the consent", async () => {
    const { square } = await seller();
    const link = await createTestLink(db(), square);
    await local.admin("/_emulator/stats/reset", {}, square.accessToken);
    const outcome = await runCheckout(deps(), submission(link.id, { saveCard: true, phone: uniquePhone().e164 }), TEST_META);
    const stats = await squareCalls(square.accessToken);
    expect(outcome).toMatchObject({ ok: true, receipt: { cardSaved: true, cardSaveError: null } });
    if (!outcome.ok) return;
    const { payment } = await square.client.payments.get({ paymentId: outcome.receipt.paymentId });
    const cards = (await square.client.cards.list({ customerId: payment!.customerId! })).data;
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ customerId: payment!.customerId, last4: "5858", cardholderName: "Ada Buyer", enabled: true });

    const consents = await listCardConsents(db(), { merchantId: square.merchantId, customerId: payment!.customerId! });
    expect(consents).toEqual([
      expect.objectContaining({ cardId: cards[0].id, wordingVersion: CONSENT_WORDING_VERSION, page: TEST_META.page, userAgent: TEST_META.userAgent, ip: TEST_META.ip }),
    ]);
    expect(Date.now() - consents[0].consentedAt.getTime()).toBeLessThan(60_000);
    expect((await db().select().from(mirrorCards).where(and(eq(mirrorCards.merchantId, square.merchantId), eq(mirrorCards.id, cards[0].id!))))).toHaveLength(1);
    // Six calls at most: two searches, create customer, order, payment, card.
    expect(stats.calls).toEqual({ "POST /v2/customers/search": 2, "POST /v2/customers": 1, "POST /v2/orders": 1, "POST /v2/payments": 1, "POST /v2/cards": 1 });
  });

  it("consent unticked, or a link that does not offer saving: no card and no consent", async () => {
    const { square } = await seller();
    for (const [offerSaveCard, saveCard] of [[true, false], [false, true]] as const) {
      const link = await createTestLink(db(), square, { offerSaveCard });
      const outcome = await runCheckout(deps(), submission(link.id, { saveCard }), TEST_META);
      expect(outcome).toMatchObject({ ok: true, receipt: { cardSaved: false } });
      const { payment } = await square.client.payments.get({ paymentId: outcome.ok ? outcome.receipt.paymentId : "" });
      expect((await square.client.cards.list({ customerId: payment!.customerId! })).data).toEqual([]);
      expect(await listCardConsents(db(), { merchantId: square.merchantId, customerId: payment!.customerId! })).toEqual([]);
    }
  });

  it("an open-amount link charges the buyer's amount within its bounds", async () => {
    const { square } = await seller();
    const link = await createTestLink(db(), square, { pricing: "open", title: "Tip jar", lineItems: [], openMinAmount: 100, openMaxAmount: 5000 });
    const outcome = await runCheckout(deps(), submission(link.id, { amount: 1234 }), TEST_META);
    expect(outcome).toMatchObject({ ok: true, receipt: { amount: { amount: 1234 }, lines: [{ name: "Tip jar", quantity: 1, unitAmount: 1234 }] } });
  });
});
