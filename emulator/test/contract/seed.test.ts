import type { Square } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../../src/domain/tables";
import { GLOBAL } from "../../src/store/store";
import { startTestEmulator, type TestEmulator } from "../harness";
import { moneyProblems, readSeller, searchAll, type SellerData } from "./seed-fixtures";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator({ webhookUrl: "http://127.0.0.1:9/never" });
});
afterAll(() => local.stop());

interface Seeded {
  merchant_id: string;
  location_id: string;
  access_token: string;
  refresh_token: string;
  application_id: string;
  counts: Record<string, number>;
  order_kinds: Record<string, number>;
}

async function seed(body: Record<string, unknown>) {
  const res = await local.admin("/_emulator/seed", body);
  return { status: res.status, body: (await res.json()) as Seeded & { errors?: Record<string, string>[] } };
}

describe("POST /_emulator/seed", () => {
  let seeded: Seeded;
  let data: SellerData;
  beforeAll(async () => {
    const res = await seed({ customers: 40, orders: 240, months: 3, seed: 5 });
    expect(res.status).toBe(200);
    seeded = res.body;
    data = await readSeller(local.clientFor(seeded.access_token), seeded.location_id);
  });

  it("answers with a fresh seller's credentials, and what it made matches what the API lists", async () => {
    expect(seeded).toMatchObject({ application_id: local.emulator.ctx.config.applicationId });
    expect(seeded.merchant_id).toMatch(/^[A-Z0-9]{13}$/);
    const client = local.clientFor(seeded.access_token);
    expect((await client.locations.get({ locationId: seeded.location_id })).location?.timezone).toBe("America/Los_Angeles");
    expect({
      cards: data.cards.length,
      gift_cards: data.giftCards.length,
      gift_card_activities: data.activities.length,
      orders: data.orders.length,
      payments: data.payments.length,
    }).toEqual({ ...seeded.counts, customers: undefined, merged_customer_ids: undefined });
    expect(seeded.counts.orders).toBe(240);
    expect(Object.values(seeded.order_kinds).reduce((s, n) => s + n, 0)).toBe(240);

    // ListCustomers leaves out profiles without a name, email or phone: Square's bare instant
    // profiles, found only through their payments.
    const listed = new Set(data.customers.map((c) => c.id));
    const unlisted = new Map<string, Square.Customer>();
    for (const id of new Set(data.payments.flatMap((p) => (p.customerId ? [p.customerId] : [])))) {
      const customer = (await client.customers.get({ customerId: id })).customer!;
      if (!listed.has(customer.id)) unlisted.set(customer.id!, customer);
    }
    for (const bare of unlisted.values()) expect(Object.keys(bare).sort()).toEqual(["createdAt", "creationSource", "id", "preferences", "updatedAt", "version"]);
    expect(data.customers.length + unlisted.size).toBe(seeded.counts.customers);
    // The 40 asked for, minus the pairs merged in the history, plus Square's instant profiles.
    const bySource = (source: string) => data.customers.filter((c) => c.creationSource === source).length;
    expect(seeded.counts.customers).toBe(40 - bySource("MERGE") + bySource("INSTANT_PROFILE") + unlisted.size);
    expect(seeded.counts.merged_customer_ids).toBe(2 * bySource("MERGE"));
  });

  it("makes every object retrievable through the SDK", async () => {
    const client = local.clientFor(seeded.access_token);
    for (const c of data.customers) expect((await client.customers.get({ customerId: c.id! })).customer).toEqual(c);
    for (const c of data.cards) expect((await client.cards.get({ cardId: c.id! })).card).toEqual(c);
    for (const g of data.giftCards) expect((await client.giftCards.get({ id: g.id! })).giftCard).toEqual(g);
    for (const p of data.payments) expect((await client.payments.get({ paymentId: p.id! })).payment).toEqual(p);
    const orderIds = data.orders.map((o) => o.id!);
    for (let i = 0; i < orderIds.length; i += 100) expect((await client.orders.batchGet({ orderIds: orderIds.slice(i, i + 100) })).orders).toHaveLength(Math.min(100, orderIds.length - i));
  });

  it("keeps orders and payments consistent: totals with taxes, tenders equal to their payments", () => {
    expect(moneyProblems(data.orders, data.payments)).toEqual([]);
    const taxed = data.orders.filter((o) => (o.totalTaxMoney?.amount ?? 0n) > 0n);
    expect(taxed.length).toBeGreaterThan(data.orders.length / 2);
    expect(data.payments.every((p) => p.receiptNumber && p.status === "COMPLETED")).toBe(true);
    expect(data.customers.filter((c) => (c.version ?? 0n) > 0n).length).toBeGreaterThan(0);
    expect(data.cards.every((c) => c.fingerprint?.startsWith("sq-1-"))).toBe(true);
  });

  it("finds a customer's online orders through their tenders with SearchOrders", async () => {
    const online = data.orders.find((o) => o.source?.name === "Square Online" && !o.customerId)!;
    const buyer = online.tenders![0].customerId!;
    expect(buyer).toBeTruthy();
    const found = await searchAll(local.clientFor(seeded.access_token), seeded.location_id, { customerFilter: { customerIds: [buyer] } });
    expect(found.map((o) => o.id)).toContain(online.id);
  });

  it("raises no webhooks for the generated history", () => {
    const pending = [...tables(local.emulator.ctx.store).pendingDeliveries.values(GLOBAL)].filter((p) => p.merchantId === seeded.merchant_id);
    expect(pending).toEqual([]);
    expect(local.emulator.bus.log.filter((e) => e.merchantId === seeded.merchant_id)).toEqual([]);
  });

  it("gives the same shape for the same seed, and applies `latency` to the new seller", async () => {
    const again = await seed({ customers: 40, orders: 240, months: 3, seed: 5, latency: 15 });
    expect(again.body.counts).toEqual(seeded.counts);
    expect(again.body.order_kinds).toEqual(seeded.order_kinds);
    const faults = await (await local.admin("/_emulator/faults", undefined, again.body.access_token)).json();
    expect(faults.faults).toEqual({ latency_ms: 15 });
  });

  it("refuses bad sizes in Square's error shape", async () => {
    const refused = async (body: Record<string, unknown>, code: string, field: string) => {
      const res = await seed(body);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({ code, field });
    };
    await refused({ customers: 0, orders: 10 }, "VALUE_TOO_LOW", "customers");
    await refused({ orders: 10 }, "INCORRECT_TYPE", "customers");
    await refused({ customers: 5, orders: 10, months: 0 }, "VALUE_TOO_LOW", "months");
    await refused({ customers: 5, orders: 10, timezone: "Mars/Olympus" }, "INVALID_VALUE", "timezone");
    await refused({ customers: 5, orders: 10, colour: "red" }, "UNKNOWN_BODY_PARAMETER", "colour");
  });
});
