import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import { GLOBAL } from "../../src/store/store";
import { startTestEmulator, type TestEmulator, type TestSeller } from "../harness";
import { startReceiver, type ReceivedWebhook, type Receiver } from "../webhook-receiver";

let local: TestEmulator;
let receiver: Receiver;

beforeAll(async () => {
  local = await startTestEmulator();
  receiver = await startReceiver();
  const seller = await local.newSeller();
  // Subscriptions belong to the application, so this one receives every test seller's events.
  await seller.client.webhooks.subscriptions.create({ subscription: { eventTypes: ["customer.created"], notificationUrl: receiver.url("/chaos") } });
});
afterAll(async () => {
  await local.stop();
  await receiver.stop();
});

async function chaosSeller(settings: Record<string, unknown>) {
  const seller = await local.newSeller();
  const res = await local.admin("/_emulator/faults", settings, seller.accessToken);
  expect(res.status).toBe(200);
  return seller;
}
const counters = async (seller: TestSeller) =>
  (await (await local.admin("/_emulator/faults", undefined, seller.accessToken)).json()).applied.webhooks as Record<string, number>;
const from = (seller: TestSeller) => (h: ReceivedWebhook) => h.json.merchant_id === seller.merchantId;
const customerOf = (h: ReceivedWebhook) => (h.json.data as { id: string }).id;

async function createCustomers(seller: TestSeller, count: number) {
  const created: string[] = [];
  for (let i = 0; i < count; i++) created.push((await seller.client.customers.create({ givenName: `Chaos ${i}` })).customer!.id!);
  return created;
}

describe("Webhook chaos (POST /_emulator/faults)", () => {
  it("drops events at webhook_drop_rate: nothing is ever queued for them", async () => {
    const seller = await chaosSeller({ webhook_drop_rate: 1 });
    const [dropped] = await createCustomers(seller, 1);
    expect(await counters(seller)).toMatchObject({ events: 1, dropped: 1 });
    expect([...tables(local.emulator.ctx.store).pendingDeliveries.values(GLOBAL)].filter((p) => p.merchantId === seller.merchantId)).toEqual([]);

    await local.admin("/_emulator/faults", {}, seller.accessToken);
    const [kept] = await createCustomers(seller, 1);
    const hooks = await receiver.waitFor(from(seller));
    expect(hooks.map(customerOf)).toEqual([kept]);
    expect(hooks.map(customerOf)).not.toContain(dropped);
  });

  it("delivers duplicates at webhook_duplicate_rate with the same event_id", async () => {
    const seller = await chaosSeller({ webhook_duplicate_rate: 1 });
    const [id] = await createCustomers(seller, 1);
    const hooks = await receiver.waitFor(from(seller), 2);
    expect(hooks.map(customerOf)).toEqual([id, id]);
    expect(new Set(hooks.map((h) => h.json.event_id)).size).toBe(1);
    expect(await counters(seller)).toMatchObject({ events: 1, duplicated: 1 });
  });

  it("drops and duplicates the same events for the same seed", async () => {
    const pattern = async () => {
      const seller = await chaosSeller({ webhook_drop_rate: 0.3, webhook_duplicate_rate: 0.3, seed: 11 });
      const ids = await createCustomers(seller, 12);
      const { events, dropped, duplicated } = await counters(seller);
      expect(events).toBe(12);
      const hooks = await receiver.waitFor(from(seller), events - dropped + duplicated);
      return ids.map((id) => hooks.filter((h) => customerOf(h) === id).length);
    };
    const first = await pattern();
    expect(new Set(first)).toEqual(new Set([0, 1, 2]));
    expect(await pattern()).toEqual(first);
  });

  it("delivers a window of events one after another in a shuffled, seed-determined order", async () => {
    const order = async () => {
      const seller = await chaosSeller({ webhook_reorder: 4, seed: 3 });
      const ids = await createCustomers(seller, 4);
      const hooks = await receiver.waitFor(from(seller), 4);
      const received = hooks.map(customerOf);
      expect([...received].sort()).toEqual([...ids].sort());
      expect(await counters(seller)).toMatchObject({ events: 4, reordered_windows: 1 });
      return received.map((id) => ids.indexOf(id));
    };
    const first = await order();
    expect(first).not.toEqual([0, 1, 2, 3]);
    expect(await order()).toEqual(first);
  });

  it("holds the first attempt back by webhook_delay_ms", async () => {
    const seller = await chaosSeller({ webhook_delay_ms: 60_000 });
    await createCustomers(seller, 1);
    const [pending] = [...tables(local.emulator.ctx.store).pendingDeliveries.values(GLOBAL)].filter((p) => p.merchantId === seller.merchantId);
    const heldFor = Date.parse(pending.nextAt) - Date.parse(JSON.parse(pending.body).created_at);
    expect(heldFor).toBeGreaterThanOrEqual(60_000);
    expect(heldFor).toBeLessThan(61_000);

    const quick = await chaosSeller({ webhook_delay_ms: 50 });
    await createCustomers(quick, 1);
    const [hook] = await receiver.waitFor(from(quick));
    const sentAfter = Date.parse(String(hook.headers["square-initial-delivery-timestamp"])) - Date.parse(hook.json.created_at);
    expect(sentAfter).toBeGreaterThanOrEqual(50);
    expect(await counters(quick)).toMatchObject({ delayed: 1 });
  });
});
