import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, type TestSeller } from "@/test/local-square";
import { getCustomerHistory } from "@/lib/db/queries/history";
import { listCustomers } from "@/lib/db/queries/customers";
import { mirrorCustomers, mirrorCustomerStats, mirrorOrderCustomers, mirrorPayments, webhookSignatureKeys } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { clientWithToken, connectedSeller, syncTestDeps } from "@/test/sync/harness";
import { serveHandler, type HandlerServer } from "@/test/sync/webhook-server";
import { runBackfill } from "../backfill/run-backfill";
import type { SyncDeps } from "../deps";
import { createJobRunner, type JobRunner } from "../jobs/runner";
import { syncJobHandlers } from "../jobs/sync-jobs";
import { ensureAppSubscription } from "./ensure-subscription";
import { receiveSquareWebhook } from "./receive";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const key = () => randomUUID();
const usd = (cents: number) => ({ amount: BigInt(cents), currency: "USD" as const });
const eventually = { timeout: 10_000, interval: 25 };

describeEachDatabase("the mirror follows Square's webhooks", ({ db }) => {
  let server: HandlerServer;
  let runner: JobRunner;
  let deps: SyncDeps;
  let subscriptionId: string;
  let admin: TestSeller;

  beforeAll(async () => {
    server = await serveHandler((request) => receiveSquareWebhook({ db: db(), webhooks: deps.webhooks, onQueued: () => runner.poke() }, request));
    // The configured key is wrong on purpose: deliveries must verify with the key Patron stored when it created the subscription.
    deps = syncTestDeps(db(), local, { notificationUrl: server.url, signatureKey: "not-this-one", ensureSubscription: true });
    admin = await connectedSeller(db(), local);
    subscriptionId = await ensureAppSubscription(deps, clientWithToken(local, admin.accessToken));
    runner = createJobRunner({ db: db(), handlers: syncJobHandlers(deps), tickMs: 10, concurrency: 4, leaseMs: 5_000, retryMs: 10, maxAttempts: 3 });
    runner.start();
  });
  afterAll(async () => {
    await runner?.stop();
    await server?.stop();
    if (subscriptionId) await admin.client.webhooks.subscriptions.delete({ subscriptionId });
  });

  async function syncedSeller() {
    const seller = await connectedSeller(db(), local);
    await runBackfill(deps, seller.merchantId);
    return seller;
  }

  async function sale(seller: TestSeller, opts: { orderCustomer?: string; paymentCustomer?: string; email?: string; cents?: number }) {
    const { order } = await seller.client.orders.create({
      idempotencyKey: key(),
      order: { locationId: seller.locationId, customerId: opts.orderCustomer, lineItems: [{ name: "Scone", quantity: "1", basePriceMoney: usd(opts.cents ?? 600) }] },
    });
    const { payment } = await seller.client.payments.create({
      idempotencyKey: key(),
      sourceId: "cnon:card-nonce-ok",
      amountMoney: order!.totalMoney!,
      orderId: order!.id,
      customerId: opts.paymentCustomer,
      buyerEmailAddress: opts.email,
      locationId: seller.locationId,
    });
    return { orderId: order!.id!, paymentId: payment!.id! };
  }

  it("created its own subscription at the local Square and verifies deliveries with the key it stored", async () => {
    expect(await db().select().from(webhookSignatureKeys).where(eq(webhookSignatureKeys.subscriptionId, subscriptionId))).toHaveLength(1);
    // Asking again finds it rather than making another.
    expect(await ensureAppSubscription(deps, clientWithToken(local, admin.accessToken))).toBe(subscriptionId);
  });

  it("uses the subscription the local Square was configured with when it delivers to Patron's URL", async () => {
    const url = "http://localhost:3999/api/webhooks/square";
    const configured = await startTestEmulator({ webhookUrl: url, webhookSignatureKey: "configured-key" });
    try {
      const seller = await configured.newSeller();
      const check = syncTestDeps(db(), configured, { notificationUrl: url, ensureSubscription: true });
      expect(await ensureAppSubscription(check, clientWithToken(configured, seller.accessToken))).toBe("wbhk_configured");
      const { subscriptions } = await seller.client.webhooks.subscriptions.list().then((p) => ({ subscriptions: p.data }));
      expect(subscriptions.map((s) => s.notificationUrl)).toEqual([url]);
    } finally {
      await configured.stop();
    }
  });

  it("follows a merge: the survivor's history holds the old profiles' orders", async () => {
    const seller = await syncedSeller();
    const [a, b] = await Promise.all(["Ada", "Augusta"].map(async (givenName) => (await seller.client.customers.create({ idempotencyKey: key(), givenName, familyName: "King" })).customer!.id!));
    const [saleA, saleB] = [await sale(seller, { orderCustomer: a, paymentCustomer: a }), await sale(seller, { orderCustomer: b, paymentCustomer: b, cents: 900 })];
    await expect.poll(async () => (await getCustomerHistory(db(), { merchantId: seller.merchantId, customerId: b })).entries.length, eventually).toBe(1);

    const res = await local.admin("/_emulator/customers/merge", { customer_ids: [a, b] }, seller.accessToken);
    const merged = ((await res.json()) as { customer: { id: string } }).customer.id;
    await expect
      .poll(async () => (await getCustomerHistory(db(), { merchantId: seller.merchantId, customerId: merged })).entries.map((e) => [e.orderId, e.attribution.mergedFrom]).sort(), eventually)
      .toEqual([[saleA.orderId, a], [saleB.orderId, b]].sort());
    await expect.poll(async () => (await listCustomers(db(), { merchantId: seller.merchantId })).customers.map((c) => c.id), eventually).toEqual([merged]);
    const stats = async () =>
      (await db().select().from(mirrorCustomerStats).where(and(eq(mirrorCustomerStats.merchantId, seller.merchantId), eq(mirrorCustomerStats.customerId, merged)))).map((s) => [s.orderCount, s.paymentCount, s.lifetimeSpend])[0];
    await expect.poll(stats, eventually).toEqual([2, 2, 1500]);
    // Either old id still finds the survivor's history.
    expect((await getCustomerHistory(db(), { merchantId: seller.merchantId, customerId: a })).customerId).toBe(merged);
  });

  it("moves a sale to the customer Square assigns to its payment later (payment.updated)", async () => {
    const seller = await syncedSeller();
    const email = `late.${key().slice(0, 6)}@example.com`;
    const buyer = (await seller.client.customers.create({ idempotencyKey: key(), givenName: "Late", emailAddress: email })).customer!.id!;
    const { orderId, paymentId } = await sale(seller, { email });
    await expect
      .poll(async () => (await db().select().from(mirrorPayments).where(and(eq(mirrorPayments.merchantId, seller.merchantId), eq(mirrorPayments.id, paymentId))))[0]?.attributedCustomerId, eventually)
      .toBe(buyer);
    await expect
      .poll(async () => (await db().select().from(mirrorOrderCustomers).where(and(eq(mirrorOrderCustomers.merchantId, seller.merchantId), eq(mirrorOrderCustomers.orderId, orderId)))).map((r) => [r.customerId, r.source]), eventually)
      .toEqual([[buyer, "payment"]]);
    expect((await getCustomerHistory(db(), { merchantId: seller.merchantId, customerId: buyer })).entries.map((e) => e.orderId)).toEqual([orderId]);
  });

  it("follows cards, gift card links and deleted customers into the aggregates", async () => {
    const seller = await syncedSeller();
    const [keep, drop] = await Promise.all(["Keep", "Drop"].map(async (givenName) => (await seller.client.customers.create({ idempotencyKey: key(), givenName })).customer!.id!));
    const { card } = await seller.client.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: keep } });
    const { giftCard } = await seller.client.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" } });
    await seller.client.giftCards.linkCustomer({ giftCardId: giftCard!.id!, customerId: keep });
    const stats = async () =>
      (await db().select().from(mirrorCustomerStats).where(and(eq(mirrorCustomerStats.merchantId, seller.merchantId), eq(mirrorCustomerStats.customerId, keep)))).map((s) => [s.cardCount, s.giftCardCount])[0];
    await expect.poll(stats, eventually).toEqual([1, 1]);
    await seller.client.cards.disable({ cardId: card!.id! });
    await seller.client.giftCards.unlinkCustomer({ giftCardId: giftCard!.id!, customerId: keep });
    await expect.poll(stats, eventually).toEqual([0, 0]);
    await seller.client.customers.delete({ customerId: drop });
    await expect
      .poll(async () => (await db().select().from(mirrorCustomers).where(and(eq(mirrorCustomers.merchantId, seller.merchantId), eq(mirrorCustomers.id, drop))))[0]?.deletedAt, eventually)
      .toBeInstanceOf(Date);
  });
});
