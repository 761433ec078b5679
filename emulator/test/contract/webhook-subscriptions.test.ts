import { randomUUID } from "node:crypto";
import { SquareError, WebhooksHelper } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../harness";
import { startReceiver, type Receiver } from "../webhook-receiver";

let local: TestEmulator;
let receiver: Receiver;
beforeAll(async () => {
  local = await startTestEmulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await local.stop();
  await receiver.stop();
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a SquareError"), (e) => e as SquareError);

describe("Webhook Subscriptions", () => {
  it("creates a subscription with a signature key, then retrieves, updates and deletes it", async () => {
    const { client } = await local.newSeller();
    const { subscription } = await client.webhooks.subscriptions.create({
      idempotencyKey: randomUUID(),
      subscription: { name: "CRM", eventTypes: ["customer.created", "customer.updated"], notificationUrl: "https://example.com/hooks" },
    });
    expect(subscription).toMatchObject({ name: "CRM", enabled: true, apiVersion: "2026-09-16", notificationUrl: "https://example.com/hooks" });
    expect(subscription!.id).toMatch(/^wbhk_[0-9a-f]{32}$/);
    expect(subscription!.signatureKey).toBeTruthy();
    const id = subscription!.id!;

    const { subscription: fetched } = await client.webhooks.subscriptions.get({ subscriptionId: id });
    expect(fetched).toEqual(subscription);
    const { subscription: updated } = await client.webhooks.subscriptions.update({
      subscriptionId: id,
      subscription: { enabled: false, eventTypes: ["customer.deleted"] },
    });
    expect(updated).toMatchObject({ name: "CRM", enabled: false, eventTypes: ["customer.deleted"], notificationUrl: "https://example.com/hooks" });

    const { signatureKey } = await client.webhooks.subscriptions.updateSignatureKey({ subscriptionId: id, idempotencyKey: randomUUID() });
    expect(signatureKey).toBeTruthy();
    expect(signatureKey).not.toBe(subscription!.signatureKey);
    expect((await client.webhooks.subscriptions.get({ subscriptionId: id })).subscription?.signatureKey).toBe(signatureKey);

    expect(await client.webhooks.subscriptions.delete({ subscriptionId: id })).toEqual({});
    expect((await failure(client.webhooks.subscriptions.get({ subscriptionId: id }))).statusCode).toBe(404);
  });

  it("belongs to the application: any seller's token manages it", async () => {
    const a = await local.newSeller({ scopes: ["CUSTOMERS_READ"] });
    const b = await local.newSeller({ scopes: ["MERCHANT_PROFILE_READ"] });
    const { subscription } = await a.client.webhooks.subscriptions.create({
      subscription: { eventTypes: ["customer.created"], notificationUrl: "https://example.com/app" },
    });
    const { subscription: seen } = await b.client.webhooks.subscriptions.get({ subscriptionId: subscription!.id! });
    expect(seen?.id).toBe(subscription!.id);
    await b.client.webhooks.subscriptions.delete({ subscriptionId: subscription!.id! });
    const noToken = await failure(local.clientFor("bogus").webhooks.subscriptions.list());
    expect(noToken.statusCode).toBe(401);
  });

  it("lists enabled subscriptions by default, pages, and leaves signature keys out", async () => {
    const { client } = await local.newSeller();
    const made: string[] = [];
    for (const enabled of [true, true, false]) {
      const { subscription } = await client.webhooks.subscriptions.create({
        subscription: { enabled, eventTypes: ["customer.created"], notificationUrl: `https://example.com/${made.length}` },
      });
      made.push(subscription!.id!);
      local.emulator.ctx.clock.advance(10);
    }
    const enabled = await client.webhooks.subscriptions.list({ limit: 1 });
    const all: string[] = [];
    for await (const s of enabled) {
      expect(s.signatureKey).toBeUndefined();
      all.push(s.id!);
    }
    expect(all).toEqual(made.slice(0, 2));
    const withDisabled = await client.webhooks.subscriptions.list({ includeDisabled: true, sortOrder: "DESC" });
    expect(withDisabled.data.map((s) => s.id)).toEqual([...made].reverse());
    for (const id of made) await client.webhooks.subscriptions.delete({ subscriptionId: id });
    const res = await fetch(`${local.url}/v2/webhooks/subscriptions`, { headers: { authorization: `Bearer ${(await local.newSeller()).accessToken}` } });
    expect(await res.json()).toEqual({});
  });

  it.each([
    [{ eventTypes: ["customer.created"], notificationUrl: "http://example.com/hooks" }, "INVALID_VALUE", "subscription.notification_url"],
    [{ eventTypes: ["customer.created"], notificationUrl: "not a url" }, "INVALID_VALUE", "subscription.notification_url"],
    [{ eventTypes: ["customer.created"] }, "MISSING_REQUIRED_PARAMETER", "subscription.notification_url"],
    [{ notificationUrl: "https://example.com" }, "MISSING_REQUIRED_PARAMETER", "subscription.event_types"],
    [{ eventTypes: ["invoice.created"], notificationUrl: "https://example.com" }, "INVALID_VALUE", "subscription.event_types[0]"],
    [{ name: "n".repeat(65), eventTypes: ["customer.created"], notificationUrl: "https://example.com" }, "VALUE_TOO_LONG", "subscription.name"],
  ])("refuses %j with %s", async (subscription, code, field) => {
    const { client } = await local.newSeller();
    const err = await failure(client.webhooks.subscriptions.create({ subscription }));
    expect(err.statusCode).toBe(400);
    expect(err.errors[0]).toMatchObject({ category: "INVALID_REQUEST_ERROR", code, field });
  });

  it("accepts plain http for localhost only, and replays idempotent creates", async () => {
    const { client } = await local.newSeller();
    const idempotencyKey = randomUUID();
    const request = { idempotencyKey, subscription: { eventTypes: ["customer.created"], notificationUrl: "http://localhost:3000/api/webhooks/square" } };
    const first = await client.webhooks.subscriptions.create(request);
    const again = await client.webhooks.subscriptions.create(request);
    expect(again.subscription?.id).toBe(first.subscription?.id);
    const changed = await failure(client.webhooks.subscriptions.create({ ...request, subscription: { ...request.subscription, name: "other" } }));
    expect(changed.errors[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotency_key" });
    await client.webhooks.subscriptions.delete({ subscriptionId: first.subscription!.id! });
  });

  it("sends a signed test notification and reports the receiver's status", async () => {
    const seller = await local.newSeller();
    const url = receiver.url("/test-hook");
    const { subscription } = await seller.client.webhooks.subscriptions.create({
      subscription: { eventTypes: ["customer.updated", "order.created"], notificationUrl: url },
    });
    const result = await seller.client.webhooks.subscriptions.test({ subscriptionId: subscription!.id!, eventType: "order.created" });
    expect(result.statusCode).toBe(200);
    expect(result.subscriptionTestResult?.statusCode).toBe(200);
    const [hook] = await receiver.waitFor((h) => h.path === "/test-hook");
    expect(hook.json).toMatchObject({ type: "order.created", merchant_id: seller.merchantId, data: { type: "order_created" } });
    expect(result.payload).toEqual(hook.json);
    const valid = await WebhooksHelper.verifySignature({
      requestBody: hook.body,
      signatureHeader: String(hook.headers["x-square-hmacsha256-signature"]),
      signatureKey: subscription!.signatureKey!,
      notificationUrl: url,
    });
    expect(valid).toBe(true);
    const wrongType = await failure(seller.client.webhooks.subscriptions.test({ subscriptionId: subscription!.id!, eventType: "customer.deleted" }));
    expect(wrongType.errors[0]).toMatchObject({ code: "INVALID_VALUE", field: "event_type" });
    await seller.client.webhooks.subscriptions.delete({ subscriptionId: subscription!.id! });
  });

  it("lists the event types it can send", async () => {
    const { client } = await local.newSeller();
    const { eventTypes, metadata } = await client.webhooks.eventTypes.list();
    expect(eventTypes).toEqual(expect.arrayContaining(["customer.created", "customer.updated", "customer.deleted"]));
    expect(metadata?.map((m) => m.eventType)).toEqual(eventTypes);
  });
});
