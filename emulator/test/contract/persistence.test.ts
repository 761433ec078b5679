import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SquareClient, SquareError } from "square";
import { afterEach, describe, expect, it } from "vitest";
import { configFromEnv, testConfig, type EmulatorConfig } from "../../src/config";
import { tables } from "../../src/domain/tables";
import { startEmulator, type RunningEmulator } from "../../src/server";
import { GLOBAL } from "../../src/store/store";
import { startReceiver } from "../webhook-receiver";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts an emulator that is stopped after the test unless the test stopped it already. */
async function start(config: EmulatorConfig): Promise<RunningEmulator> {
  const emulator = await startEmulator(config);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= emulator.stop());
  cleanups.push(stop);
  return { ...emulator, stop };
}

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "local-square-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function newSeller(emulator: RunningEmulator) {
  const res = await fetch(`${emulator.url}/_emulator/merchants`, { method: "POST", body: "{}" });
  return (await res.json()) as { merchant_id: string; access_token: string };
}

const client = (emulator: RunningEmulator, token: string) => new SquareClient({ baseUrl: emulator.url, token, maxRetries: 0 });

describe("Persistence", () => {
  it("keeps sellers, customers, subscriptions and idempotency keys across a restart with a data directory", async () => {
    const config = testConfig({ dataDir: tempDir() });
    const first = await start(config);
    const seller = await newSeller(first);
    const before = client(first, seller.access_token);
    const { customer } = await before.customers.create({ idempotencyKey: "persist-1", givenName: "Durable", phoneNumber: "+1 206 222 3333" });
    await before.customers.update({ customerId: customer!.id!, note: "v1" });
    const { subscription } = await before.webhooks.subscriptions.create({
      subscription: { eventTypes: ["customer.created"], notificationUrl: "https://example.com/persist" },
    });
    await first.stop();

    const second = await start(config);
    const after = client(second, seller.access_token);
    const { customer: reread } = await after.customers.get({ customerId: customer!.id! });
    expect(reread).toMatchObject({ givenName: "Durable", note: "v1", version: 1n, createdAt: customer!.createdAt });
    const replay = await after.customers.create({ idempotencyKey: "persist-1", givenName: "Durable", phoneNumber: "+1 206 222 3333" });
    expect(replay.customer?.id).toBe(customer!.id);
    const { subscription: kept } = await after.webhooks.subscriptions.get({ subscriptionId: subscription!.id! });
    expect(kept?.signatureKey).toBe(subscription!.signatureKey);
    const found = await after.customers.search({ query: { filter: { phoneNumber: { exact: "+12062223333" } } } });
    expect(found.customers?.map((c) => c.id)).toEqual([customer!.id]);
  });

  it("finishes a delivery that was still owed when the emulator stopped", async () => {
    let fail = true;
    const receiver = await startReceiver(() => (fail ? 500 : 200));
    cleanups.push(() => receiver.stop());
    const config = testConfig({ dataDir: tempDir(), webhookRetryDelaysMs: [1_000] });
    const first = await start(config);
    const seller = await newSeller(first);
    const api = client(first, seller.access_token);
    await api.webhooks.subscriptions.create({ subscription: { eventTypes: ["customer.created"], notificationUrl: receiver.url() } });
    await api.customers.create({ givenName: "Owed" });
    const [failed] = await receiver.waitFor(() => true);
    // Stop only once the failure is recorded and the retry is owed.
    const owed = () => [...tables(first.ctx.store).pendingDeliveries.values(GLOBAL)].map((p) => p.attempt);
    await expect.poll(owed).toEqual([1]);
    await first.stop();

    fail = false;
    await start(config);
    const retried = await receiver.waitFor((h) => h.headers["square-retry-number"] === "1");
    expect(retried[0].json.event_id).toBe(failed.json.event_id);
  });

  it("keeps nothing with SQUARE_EMULATOR_DATA=memory", async () => {
    const config = { ...configFromEnv({ SQUARE_EMULATOR_DATA: "memory", SQUARE_EMULATOR_DEMO: "false" }), port: 0 };
    expect(config.dataDir).toBe("memory");
    const first = await start(config);
    const seller = await newSeller(first);
    await client(first, seller.access_token).customers.create({ givenName: "Ephemeral" });
    await first.stop();

    const second = await start(config);
    const err = await client(second, seller.access_token)
      .customers.list()
      .catch((e: SquareError) => e);
    expect((err as SquareError).statusCode).toBe(401);
    const console = await (await fetch(`${second.url}/_emulator`)).text();
    expect(console).toContain("No sellers yet.");
  });
});
