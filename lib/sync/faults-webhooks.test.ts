import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pendingDeliveries, startTestEmulator, type TestEmulator, type TestSeller } from "@/test/local-square";
import { jobs, webhookEvents } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { mirrorDifferences } from "@/test/sync/compare";
import { clientWithToken, connectedSeller, syncTestDeps } from "@/test/sync/harness";
import { serveHandler, type HandlerServer } from "@/test/sync/webhook-server";
import { runBackfill } from "./backfill/run-backfill";
import type { SyncDeps } from "./deps";
import { createJobRunner, type JobRunner } from "./jobs/runner";
import { syncJobHandlers } from "./jobs/sync-jobs";
import { runReconcile } from "./reconcile";
import { ensureAppSubscription } from "./webhooks/ensure-subscription";
import { receiveSquareWebhook } from "./webhooks/receive";

// chaos.test.ts loses, duplicates and shuffles deliveries at the sender. This is the receiver's side:
// Patron answering 5xx (before or after it stored the event), answering too late for Square, or
// being down for every retry. Square's retries (10, 20, 40 ms here) bring the event again, sometimes
// twice; one reconciliation must still leave the mirror equal to Square.

const TIMEOUT_MS = 250;

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator({ webhookTimeoutMs: TIMEOUT_MS, webhookRetryDelaysMs: [10, 20, 40] });
});
afterAll(() => local.stop());

/** How the receiver treats the first attempts of each kind of event. */
type Mode = "down" | "fail-twice" | "store-then-500" | "too-slow" | "normal";
const modeOf = (type: string): Mode =>
  type === "customer.deleted" ? "down" : type === "customer.updated" ? "fail-twice" : type.startsWith("payment.") ? "store-then-500" : type.startsWith("order.") ? "too-slow" : "normal";

const key = () => randomUUID();
const gaveUpOn = (local: TestEmulator, eventId: string) => local.emulator.bus.log.some((d) => d.eventId === eventId && d.attempt === 0 && d.status === "error");
const usd = (cents: number) => ({ amount: BigInt(cents), currency: "USD" as const });

describeEachDatabase("webhook deliveries Patron fails to take, then one reconciliation", ({ db }) => {
  let server: HandlerServer;
  let runner: JobRunner;
  let deps: SyncDeps;
  let subscriptionId: string;
  let admin: TestSeller;
  const answered: { type: string; retry: number; status: number }[] = [];
  /** Event ids Patron's receiver took in, per seller (once per delivery). */
  const received: { merchantId: string; eventId: string }[] = [];

  beforeAll(async () => {
    const gaveUp = (eventId: string) => gaveUpOn(local, eventId);
    const receive = (request: Request) => receiveSquareWebhook({ db: db(), webhooks: deps.webhooks, onQueued: () => runner.poke() }, request);
    server = await serveHandler(async (request) => {
      const retry = Number(request.headers.get("square-retry-number") ?? 0);
      const { type, event_id: eventId, merchant_id: merchantId } = JSON.parse(await request.clone().text()) as { type: string; event_id: string; merchant_id: string };
      const mode = modeOf(type);
      let status: number;
      if (mode === "down" || (mode === "fail-twice" && retry < 2)) status = 503;
      else {
        received.push({ merchantId, eventId });
        status = (await receive(request)).status;
        if (mode === "store-then-500" && retry === 0) status = 500;
        // Stored and queued, but the answer only goes once Square has stopped waiting for it.
        if (mode === "too-slow" && retry === 0) await expect.poll(() => gaveUp(eventId), { timeout: 5_000, interval: 10 }).toBe(true);
      }
      answered.push({ type, retry, status });
      return new Response(null, { status });
    });
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

  it("5xx before or after storing, answers too late, a receiver down through every retry, twice and out of order: one reconciliation repairs the mirror", async () => {
    const seller = await connectedSeller(db(), local);
    const c = seller.client;
    const customer = async (givenName: string) =>
      (await c.customers.create({ idempotencyKey: key(), givenName, emailAddress: `${givenName.toLowerCase()}.${key().slice(0, 6)}@example.com` })).customer!;
    const [keep, gone] = [await customer("Keep"), await customer("Gone")];
    await runBackfill(deps, seller.merchantId);

    await local.admin("/_emulator/faults", { webhook_duplicate_rate: 0.5, webhook_reorder: 3, seed: 5 }, seller.accessToken);
    const fresh = await customer("Fresh");
    for (const nickname of ["One", "Two", "Three"]) await c.customers.update({ customerId: keep.id!, nickname });
    await c.customers.delete({ customerId: gone.id! });
    await c.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: fresh.id! } });
    const { order } = await c.orders.create({ idempotencyKey: key(), order: { locationId: seller.locationId, customerId: keep.id, lineItems: [{ name: "Tea", quantity: "2", basePriceMoney: usd(350) }] } });
    await c.payments.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", amountMoney: order!.totalMoney!, orderId: order!.id, customerId: keep.id, locationId: seller.locationId });
    await local.admin("/_emulator/faults", {}, seller.accessToken);

    await expect.poll(() => pendingDeliveries(local, seller.merchantId), { timeout: 15_000, interval: 25 }).toBe(0);
    await expect.poll(async () => (await db().select().from(jobs).where(and(eq(jobs.merchantId, seller.merchantId), eq(jobs.kind, "webhook")))).length, { timeout: 15_000, interval: 25 }).toBe(0);

    // Every kind of failure happened, and Square retried each.
    const log = local.emulator.bus.log.filter((d) => d.merchantId === seller.merchantId);
    const deletion = log.filter((d) => d.type === "customer.deleted");
    expect(Math.max(...deletion.map((d) => d.attempt))).toBe(3);
    expect(answered.filter((a) => a.type === "customer.deleted").every((a) => a.status === 503)).toBe(true);
    expect(log.some((d) => d.type.startsWith("order.") && d.attempt > 0)).toBe(true);
    expect(answered.some((a) => a.type.startsWith("payment.") && a.retry === 0 && a.status === 500)).toBe(true);
    expect(answered.some((a) => a.type === "customer.updated" && a.retry === 2 && a.status === 200)).toBe(true);
    // Events taken in more than once (duplicates, retries of stored ones) were stored once each.
    const taken = received.filter((r) => r.merchantId === seller.merchantId).map((r) => r.eventId);
    expect(taken.length).toBeGreaterThan(new Set(taken).size);
    const stored = await db().select({ eventId: webhookEvents.eventId }).from(webhookEvents).where(eq(webhookEvents.merchantId, seller.merchantId));
    expect(stored.map((e) => e.eventId).sort()).toEqual([...new Set(taken)].sort());

    const client = clientWithToken(local, seller.accessToken);
    expect(await mirrorDifferences(db(), client, seller.merchantId), "the deletion never arrived").not.toEqual([]);
    await runReconcile(deps, seller.merchantId);
    expect(await mirrorDifferences(db(), client, seller.merchantId)).toEqual([]);
  });
});
