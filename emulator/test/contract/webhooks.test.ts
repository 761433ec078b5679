import { WebhooksHelper, type Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import { GLOBAL } from "../../src/store/store";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { startReceiver, type ReceivedWebhook, type Receiver } from "../webhook-receiver";

let local: TestEmulator;
let receiver: Receiver;
/** Per-path answers, so each test controls its own subscription's receiver. */
const answers = new Map<string, (hook: ReceivedWebhook) => number | Promise<number>>();

beforeAll(async () => {
  local = await startTestEmulator({ webhookRetryDelaysMs: [10, 20, 40] });
  receiver = await startReceiver((hook) => answers.get(hook.path)?.(hook) ?? 200);
});
afterAll(async () => {
  await local.stop();
  await receiver.stop();
});

async function subscribe(seller: TestSeller, path: string, eventTypes = ["customer.created", "customer.updated", "customer.deleted"]) {
  const { subscription } = await seller.client.webhooks.subscriptions.create({ subscription: { eventTypes, notificationUrl: receiver.url(path) } });
  return subscription as Square.WebhookSubscription & { id: string; signatureKey: string; notificationUrl: string };
}

const verify = (hook: ReceivedWebhook, key: string, url: string) =>
  WebhooksHelper.verifySignature({ requestBody: hook.body, signatureHeader: String(hook.headers["x-square-hmacsha256-signature"]), signatureKey: key, notificationUrl: url });

describe("Webhook delivery", () => {
  it("delivers signed customer.created, updated and deleted events in Square's envelope", async () => {
    const seller = await local.newSeller();
    const subscription = await subscribe(seller, "/lifecycle");
    const { customer } = await seller.client.customers.create({ givenName: "Hook", emailAddress: "hook@example.com" });
    await seller.client.customers.update({ customerId: customer!.id!, note: "changed" });
    await seller.client.customers.delete({ customerId: customer!.id! });

    const hooks = await receiver.waitFor((h) => h.path === "/lifecycle", 3);
    const byType = Object.fromEntries(hooks.map((h) => [h.json.type, h]));
    for (const hook of hooks) {
      expect(hook.json).toMatchObject({ merchant_id: seller.merchantId, data: { type: "customer", id: customer!.id } });
      expect(hook.json.event_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(hook.headers["square-environment"]).toBe("Sandbox");
      expect(hook.headers["square-initial-delivery-timestamp"]).toBeTruthy();
      expect(hook.headers["square-retry-number"]).toBeUndefined();
      expect(await verify(hook, subscription.signatureKey, subscription.notificationUrl)).toBe(true);
      expect(await verify(hook, "wrong-key", subscription.notificationUrl)).toBe(false);
    }
    const created = byType["customer.created"].json.data as { object: { customer: Record<string, unknown> } };
    expect(created.object.customer).toMatchObject({ id: customer!.id, given_name: "Hook", version: 0, creation_source: "THIRD_PARTY" });
    expect(created.object.customer).not.toHaveProperty("segment_ids");
    expect(byType["customer.updated"].json.data).toMatchObject({ object: { customer: { note: "changed", version: 1 } } });
    expect(byType["customer.deleted"].json.data).toMatchObject({ deleted: true, object: { customer: { id: customer!.id } } });
    await seller.client.webhooks.subscriptions.delete({ subscriptionId: subscription.id });
  });

  it("retries a failing receiver with square-retry-number until it answers 2xx", async () => {
    const seller = await local.newSeller();
    let calls = 0;
    answers.set("/flaky", () => (++calls <= 2 ? 500 : 200));
    const subscription = await subscribe(seller, "/flaky", ["customer.created"]);
    await seller.client.customers.create({ givenName: "Retry" });
    const hooks = await receiver.waitFor((h) => h.path === "/flaky", 3);
    expect(hooks.map((h) => h.headers["square-retry-number"])).toEqual([undefined, "1", "2"]);
    expect(hooks.map((h) => h.headers["square-retry-reason"])).toEqual([undefined, "http_error", "http_error"]);
    expect(new Set(hooks.map((h) => h.json.event_id)).size).toBe(1);
    expect(new Set(hooks.map((h) => h.headers["square-initial-delivery-timestamp"])).size).toBe(1);
    await expect.poll(() => [...tables(local.emulator.ctx.store).pendingDeliveries.values(GLOBAL)].filter((p) => p.subscriptionId === subscription.id)).toEqual([]);
    await seller.client.webhooks.subscriptions.delete({ subscriptionId: subscription.id });
  });

  it("gives up after the configured number of attempts", async () => {
    const seller = await local.newSeller();
    answers.set("/down", () => 503);
    const subscription = await subscribe(seller, "/down", ["customer.created"]);
    await seller.client.customers.create({ givenName: "Lost" });
    const pending = () => [...tables(local.emulator.ctx.store).pendingDeliveries.values(GLOBAL)].filter((p) => p.subscriptionId === subscription.id);
    await receiver.waitFor((h) => h.path === "/down", 4);
    await expect.poll(pending).toEqual([]);
    expect(receiver.received.filter((h) => h.path === "/down")).toHaveLength(4); // 1 + three retry delays
    await seller.client.webhooks.subscriptions.delete({ subscriptionId: subscription.id });
  });

  it("never makes the API call wait for the receiver", async () => {
    const seller = await local.newSeller();
    let release!: () => void;
    const held = new Promise<number>((resolve) => (release = () => resolve(200)));
    answers.set("/slow", () => held);
    const subscription = await subscribe(seller, "/slow", ["customer.created"]);
    const { customer } = await seller.client.customers.create({ givenName: "Fast" });
    expect(customer?.id).toBeTruthy(); // answered while the receiver is still holding its reply
    await receiver.waitFor((h) => h.path === "/slow");
    release();
    await expect.poll(() => local.emulator.bus.log.some((e) => e.subscriptionId === subscription.id && e.status === 200)).toBe(true);
    await seller.client.webhooks.subscriptions.delete({ subscriptionId: subscription.id });
  });

  it("sends every authorizing seller's events, only with the read scope, and only to enabled subscriptions", async () => {
    const a = await local.newSeller();
    const b = await local.newSeller();
    const writeOnly = await local.newSeller({ scopes: ["CUSTOMERS_WRITE"] });
    const subscription = await subscribe(a, "/app-wide", ["customer.created"]);
    const disabled = await subscribe(a, "/disabled", ["customer.created"]);
    await a.client.webhooks.subscriptions.update({ subscriptionId: disabled.id, subscription: { enabled: false } });

    await writeOnly.client.customers.create({ givenName: "Unseen" });
    await a.client.customers.create({ givenName: "From A" });
    await b.client.customers.create({ givenName: "From B" });
    const hooks = await receiver.waitFor((h) => h.path === "/app-wide", 2);
    expect(hooks.map((h) => h.json.merchant_id).sort()).toEqual([a.merchantId, b.merchantId].sort());
    // No delivery was ever queued for the seller without CUSTOMERS_READ, nor for the disabled subscription.
    expect(local.emulator.bus.log.filter((e) => e.merchantId === writeOnly.merchantId || e.subscriptionId === disabled.id)).toEqual([]);
    expect(receiver.received.filter((h) => h.path === "/disabled")).toEqual([]);
    for (const s of [subscription, disabled]) await a.client.webhooks.subscriptions.delete({ subscriptionId: s.id });
  });
});

describe("The configured subscription", () => {
  it("exists from start-up, signs with the configured key and survives a reset", async () => {
    const url = receiver.url("/configured");
    const configured = await startTestEmulator({ webhookUrl: url, webhookSignatureKey: "configured-key" });
    try {
      const seller = await configured.newSeller();
      const { data } = await seller.client.webhooks.subscriptions.list();
      expect(data.map((s) => s.notificationUrl)).toEqual([url]);
      await seller.client.customers.create({ givenName: "Configured" });
      const [hook] = await receiver.waitFor((h) => h.path === "/configured" && h.json.merchant_id === seller.merchantId);
      expect(await verify(hook, "configured-key", url)).toBe(true);

      expect((await configured.admin("/_emulator/reset", { demo: false })).status).toBe(204);
      const after = await configured.newSeller();
      expect((await after.client.webhooks.subscriptions.list()).data.map((s) => s.notificationUrl)).toEqual([url]);
      await after.client.customers.create({ givenName: "After reset" });
      await receiver.waitFor((h) => h.path === "/configured" && h.json.merchant_id === after.merchantId);
    } finally {
      await configured.stop();
    }
  });
});
