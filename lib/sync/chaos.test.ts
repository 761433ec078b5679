import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pendingDeliveries, startTestEmulator, type TestEmulator, type TestSeller } from "@/test/local-square";
import { jobs, mirrorCustomerStats } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { mirrorDifferences } from "@/test/sync/compare";
import { clientWithToken, connectedSeller, syncTestDeps } from "@/test/sync/harness";
import { serveHandler, type HandlerServer } from "@/test/sync/webhook-server";
import { runBackfill } from "./backfill/run-backfill";
import { recomputeCustomerStats } from "./customer-stats";
import type { SyncDeps } from "./deps";
import { createJobRunner, type JobRunner } from "./jobs/runner";
import { syncJobHandlers } from "./jobs/sync-jobs";
import { inMirrorTransaction } from "./mirror-lock";
import { runReconcile } from "./reconcile";
import { ensureAppSubscription } from "./webhooks/ensure-subscription";
import { receiveSquareWebhook } from "./webhooks/receive";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const key = () => randomUUID();
const usd = (cents: number) => ({ amount: BigInt(cents), currency: "USD" as const });

describeEachDatabase("webhook chaos, then one reconciliation", ({ db }) => {
  let server: HandlerServer;
  let runner: JobRunner;
  let deps: SyncDeps;
  let subscriptionId: string;
  let admin: TestSeller;

  beforeAll(async () => {
    server = await serveHandler((request) => receiveSquareWebhook({ db: db(), webhooks: deps.webhooks, onQueued: () => runner.poke() }, request));
    deps = syncTestDeps(db(), local, { notificationUrl: server.url });
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

  it("drops, duplicates and shuffles the seller's webhooks, and the mirror ends up exactly equal to Square", async () => {
    const seller = await connectedSeller(db(), local);
    const c = seller.client;
    const faults = (settings: object) => local.admin("/_emulator/faults", settings, seller.accessToken);
    const customer = async (givenName: string, email = `${givenName.toLowerCase()}.${key().slice(0, 6)}@example.com`) =>
      (await c.customers.create({ idempotencyKey: key(), givenName, familyName: "Chaos", emailAddress: email })).customer!;
    const sale = async (opts: { orderCustomer?: string; paymentCustomer?: string; email?: string; cash?: boolean }) => {
      const { order } = await c.orders.create({ idempotencyKey: key(), order: { locationId: seller.locationId, customerId: opts.orderCustomer, lineItems: [{ name: "Tea", quantity: "2", basePriceMoney: usd(350) }] } });
      await c.payments.create({
        idempotencyKey: key(),
        sourceId: opts.cash ? "CASH" : "cnon:card-nonce-ok",
        amountMoney: order!.totalMoney!,
        orderId: order!.id,
        customerId: opts.paymentCustomer,
        buyerEmailAddress: opts.email,
        locationId: seller.locationId,
        ...(opts.cash ? { cashDetails: { buyerSuppliedMoney: order!.totalMoney! } } : {}),
      });
    };
    const merge = async (ids: string[]) => ((await (await local.admin("/_emulator/customers/merge", { customer_ids: ids }, seller.accessToken)).json()) as { customer: { id: string } }).customer.id;

    // What the mirror knows from its backfill.
    const [c1, c2, c3, c4, c5, c6] = await Promise.all(["Una", "Dos", "Tres", "Cuatro", "Cinco", "Seis"].map((n) => customer(n)));
    const { card } = await c.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: c2.id! } });
    const { giftCard } = await c.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" } });
    await c.giftCards.activities.create({
      idempotencyKey: key(),
      giftCardActivity: { type: "ACTIVATE", locationId: seller.locationId, giftCardId: giftCard!.id, activateActivityDetails: { amountMoney: usd(5000), buyerPaymentInstrumentIds: ["chaos"] } },
    });
    await sale({ orderCustomer: c1.id, paymentCustomer: c1.id });
    await runBackfill(deps, seller.merchantId);

    // Phase 1: every event is lost, deletions and merges included (only reconciliation can find those).
    await faults({ webhook_drop_rate: 1 });
    await c.customers.update({ customerId: c1.id!, givenName: "Uno" });
    await c.giftCards.linkCustomer({ giftCardId: giftCard!.id!, customerId: c3.id! });
    await sale({ email: c4.emailAddress! });
    await c.customers.delete({ customerId: c5.id! });
    const m1 = await merge([c2.id!, c6.id!]);

    // Phase 2: some lost, many twice, all out of order.
    await faults({ webhook_drop_rate: 0.3, webhook_duplicate_rate: 0.5, webhook_reorder: 4, seed: 7 });
    await c.customers.update({ customerId: c3.id!, nickname: "Trois" });
    await c.customers.update({ customerId: c4.id!, companyName: "Quatre SA" });
    await c.cards.disable({ cardId: card!.id! });
    await c.giftCards.unlinkCustomer({ giftCardId: giftCard!.id!, customerId: c3.id! });
    await c.giftCards.linkCustomer({ giftCardId: giftCard!.id!, customerId: m1 });
    await sale({ paymentCustomer: m1 });
    await sale({ cash: true });
    await merge([c1.id!, c3.id!]);
    const c7 = await customer("Siete");
    for (const nickname of ["Seven", "Sept"]) await c.customers.update({ customerId: c7.id!, nickname });
    await faults({});

    // Let every delivery that was not lost arrive and be processed.
    const pending = () => pendingDeliveries(local, seller.merchantId);
    await expect.poll(pending, { timeout: 15_000, interval: 25 }).toBe(0);
    await expect.poll(async () => (await db().select().from(jobs).where(and(eq(jobs.merchantId, seller.merchantId), eq(jobs.kind, "webhook")))).length, { timeout: 15_000, interval: 25 }).toBe(0);

    const client = clientWithToken(local, seller.accessToken);
    expect((await mirrorDifferences(db(), client, seller.merchantId)).length, "the lost events left the mirror behind").toBeGreaterThan(0);
    await runReconcile(deps, seller.merchantId);
    expect(await mirrorDifferences(db(), client, seller.merchantId)).toEqual([]);

    // The aggregates kept up with everything reconciliation wrote.
    const stats = async () =>
      (await db().select().from(mirrorCustomerStats).where(eq(mirrorCustomerStats.merchantId, seller.merchantId)))
        .map(({ updatedAt: _u, ...s }) => s)
        .filter((s) => s.orderCount || s.paymentCount || s.cardCount || s.giftCardCount)
        .sort((a, b) => a.customerId.localeCompare(b.customerId));
    const incremental = await stats();
    await inMirrorTransaction(db(), seller.merchantId, (tx) => recomputeCustomerStats(tx, seller.merchantId, "all"));
    expect(incremental).toEqual(await stats());
  });
});
