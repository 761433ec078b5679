import { createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { jobs, webhookEvents } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { connectedSeller, syncTestDeps } from "@/test/sync/harness";
import { serveHandler, type Delivery, type HandlerServer } from "@/test/sync/webhook-server";
import { receiveSquareWebhook } from "./receive";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const sign = (key: string, url: string, body: string) => createHmac("sha256", key).update(url + body).digest("base64");
const SIGNATURE = "x-square-hmacsha256-signature";

describeEachDatabase("the webhook receiver", ({ db }) => {
  let server: HandlerServer;
  let signatureKey: string;
  let merchantId: string;
  const stored = async (eventId: string) => db().select().from(webhookEvents).where(eq(webhookEvents.eventId, eventId));
  const queued = async (eventId: string) => (await db().select().from(jobs)).filter((j) => j.payload.eventId === eventId);

  beforeAll(async () => {
    let receiverKey = "";
    server = await serveHandler((request) => receiveSquareWebhook({ db: db(), webhooks: syncTestDeps(db(), local, { notificationUrl: server.url, signatureKey: receiverKey }).webhooks }, request));
    const seller = await connectedSeller(db(), local);
    merchantId = seller.merchantId;
    const { subscription } = await seller.client.webhooks.subscriptions.create({
      idempotencyKey: randomUUID(),
      subscription: { name: "receiver test", eventTypes: ["customer.created"], notificationUrl: server.url },
    });
    signatureKey = receiverKey = subscription!.signatureKey!;
    await seller.client.customers.create({ idempotencyKey: randomUUID(), givenName: "Signed" });
    for (let waited = 0; !server.deliveries.some((d) => JSON.parse(d.body).merchant_id === merchantId) && waited < 5_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  });
  afterAll(() => server?.stop());

  const delivered = (): Delivery => server.deliveries.find((d) => JSON.parse(d.body).merchant_id === merchantId)!;

  it("accepts a delivery from the local Square, stores it and queues its processing", async () => {
    const d = delivered();
    expect(d.status).toBe(200);
    const { event_id } = JSON.parse(d.body);
    expect(await stored(event_id)).toHaveLength(1);
    expect(await queued(event_id)).toHaveLength(1);
  });

  it("refuses a tampered body, a wrong key, another URL, or no signature with 401 and stores nothing", async () => {
    const d = delivered();
    const tampered = d.body.replace('"Signed"', '"Forged"').replace(/"event_id":"[^"]+"/, `"event_id":"${randomUUID()}"`);
    const forged = JSON.parse(tampered).event_id as string;
    const attempts: [string, Record<string, string>][] = [
      [tampered, { [SIGNATURE]: d.headers[SIGNATURE] }],
      [tampered, { [SIGNATURE]: sign("not-the-key", server.url, tampered) }],
      [tampered, { [SIGNATURE]: sign(signatureKey, server.url.replace("127.0.0.1", "localhost"), tampered) }],
      [tampered, {}],
    ];
    for (const [body, headers] of attempts) expect((await server.send(body, headers)).status).toBe(401);
    expect(await stored(forged)).toEqual([]);
    // The same body signed properly is accepted: the 401s were about the signature alone.
    expect((await server.send(tampered, { [SIGNATURE]: sign(signatureKey, server.url, tampered) })).status).toBe(200);
    expect(await stored(forged)).toHaveLength(1);
  });

  it("verifies against the configured public URL, not the address a proxy forwarded to", async () => {
    const publicUrl = "https://patron.example.com/api/webhooks/square";
    const proxied = await serveHandler((request) => receiveSquareWebhook({ db: db(), webhooks: syncTestDeps(db(), local, { notificationUrl: publicUrl, signatureKey }).webhooks }, request));
    try {
      const body = delivered().body.replace(/"event_id":"[^"]+"/, `"event_id":"${randomUUID()}"`);
      expect((await proxied.send(body, { [SIGNATURE]: sign(signatureKey, proxied.url, body) })).status).toBe(401);
      expect((await proxied.send(body, { [SIGNATURE]: sign(signatureKey, publicUrl, body) })).status).toBe(200);
    } finally {
      await proxied.stop();
    }
  });

  it("stores and queues an event delivered twice at the same moment exactly once", async () => {
    const body = delivered().body.replace(/"event_id":"[^"]+"/, `"event_id":"${randomUUID()}"`);
    const eventId = JSON.parse(body).event_id as string;
    const headers = { [SIGNATURE]: sign(signatureKey, server.url, body) };
    const answers = await Promise.all([server.send(body, headers), server.send(body, headers), server.send(body, headers)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const duplicates = await Promise.all(answers.map(async (a) => ((await a.json()) as { duplicate: boolean }).duplicate));
    expect(duplicates.filter((dup) => !dup)).toHaveLength(1);
    expect(await stored(eventId)).toHaveLength(1);
    expect(await queued(eventId)).toHaveLength(1);
  });
});
