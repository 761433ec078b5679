import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { customerAliases, syncStreams } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { mirrorDifferences } from "@/test/sync/compare";
import { clientWithToken, connectedSeller, syncTestDeps } from "@/test/sync/harness";
import { seedShop } from "@/test/sync/shop";
import { runBackfill } from "./run-backfill";
import type { StreamCheckpoint } from "./partitions";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const callsTo = async (token: string, route: string) => ((await (await local.admin("/_emulator/stats", undefined, token)).json()) as { calls: Record<string, number> }).calls[route] ?? 0;

describeEachDatabase("backfill", ({ db }) => {
  it("pulls every customer, card, gift card, order and payment, in batches, with progress per stream", async () => {
    const seller = await connectedSeller(db(), local);
    await seedShop(seller, { customers: 23, cards: 6, giftCards: 3, customerOrders: 9, paymentOnlyOrders: 5, anonymousSales: 3 });
    await runBackfill(syncTestDeps(db(), local), seller.merchantId);

    expect(await mirrorDifferences(db(), clientWithToken(local, seller.accessToken), seller.merchantId)).toEqual([]);
    const streams = await db().select().from(syncStreams).where(eq(syncStreams.merchantId, seller.merchantId));
    const counts = Object.fromEntries(streams.map((s) => [s.stream, [s.status, s.doneCount]]));
    // Every sale has an order (Square makes one for a bare payment), so 17 of each.
    expect(counts).toEqual({ customers: ["done", 23], cards: ["done", 6], gift_cards: ["done", 3], orders: ["done", 17], payments: ["done", 17] });
    expect(streams.find((s) => s.stream === "customers")?.totalCount).toBe(23);
  });

  it("resumes after a crash from each stream's checkpoint instead of starting over", async () => {
    const seller = await connectedSeller(db(), local);
    await seedShop(seller, { customers: 5, cards: 30, customerOrders: 4 });
    const deps = syncTestDeps(db(), local, { settings: { backfillParallelism: 2, backfillBatchSize: 2 } });
    let cardPages = 0;
    const crashing = {
      ...deps,
      square: async (m: string) => {
        const client = await deps.square(m);
        // The process "dies" while asking for the second page of cards (ListCards pages hold 25).
        const fetch = client.fetch.bind(client);
        client.fetch = ((input, ...rest) =>
          String(input).includes("/v2/cards") && ++cardPages === 2 ? Promise.reject(new Error("crash")) : fetch(input, ...rest)) as typeof fetch;
        return client;
      },
    };
    await expect(runBackfill(crashing, seller.merchantId)).rejects.toMatchObject({ code: "SQUARE_UNAVAILABLE", cause: { cause: new Error("crash") } });
    const [cards] = await db().select().from(syncStreams).where(and(eq(syncStreams.merchantId, seller.merchantId), eq(syncStreams.stream, "cards")));
    expect(cards).toMatchObject({ status: "failed", doneCount: 25 });
    expect((cards.checkpoint as unknown as StreamCheckpoint).partitions[0].cursor).toEqual(expect.any(String));

    await local.admin("/_emulator/stats/reset", {}, seller.accessToken);
    await runBackfill(deps, seller.merchantId);
    const resumed = await callsTo(seller.accessToken, "GET /v2/cards");
    expect(resumed).toBe(1);
    expect(await mirrorDifferences(db(), clientWithToken(local, seller.accessToken), seller.merchantId)).toEqual([]);
    const [after] = await db().select().from(syncStreams).where(and(eq(syncStreams.merchantId, seller.merchantId), eq(syncStreams.stream, "cards")));
    expect(after).toMatchObject({ status: "done", doneCount: 30 });
  });

  it("finds profiles merged before Patron subscribed, through the ids old sales still carry", async () => {
    const seller = await connectedSeller(db(), local);
    const shop = await seedShop(seller, { customers: 2, customerOrders: 2 });
    const res = await local.admin("/_emulator/customers/merge", { customer_ids: shop.customerIds }, seller.accessToken);
    const { customer } = (await res.json()) as { customer: { id: string } };
    await runBackfill(syncTestDeps(db(), local), seller.merchantId);
    const aliases = await db().select().from(customerAliases).where(eq(customerAliases.merchantId, seller.merchantId));
    expect(aliases.map((a) => [a.oldCustomerId, a.survivingCustomerId]).sort()).toEqual(shop.customerIds.map((id) => [id, customer.id]).sort());
    expect(await mirrorDifferences(db(), clientWithToken(local, seller.accessToken), seller.merchantId)).toEqual([]);
  });

  it("honours 429 Retry-After from a rate-limited Square and still finishes", async () => {
    const seller = await connectedSeller(db(), local);
    await seedShop(seller, { customers: 12, customerOrders: 4 });
    await local.admin("/_emulator/faults", { rate_limit_per_second: 6 }, seller.accessToken);
    try {
      await runBackfill(syncTestDeps(db(), local, { square: { maxRetries: 5 } }), seller.merchantId);
      const { applied } = (await (await local.admin("/_emulator/faults", undefined, seller.accessToken)).json()) as { applied: { rate_limited: number } };
      expect(applied.rate_limited).toBeGreaterThan(0);
    } finally {
      await local.admin("/_emulator/faults", {}, seller.accessToken);
    }
    expect(await mirrorDifferences(db(), clientWithToken(local, seller.accessToken), seller.merchantId)).toEqual([]);
  });

  it("skips the streams a seller did not allow, and says why", async () => {
    const seller = await connectedSeller(db(), local, { scopes: ["MERCHANT_PROFILE_READ", "CUSTOMERS_READ", "CUSTOMERS_WRITE"] });
    await seedShop(seller, { customers: 3 });
    await runBackfill(syncTestDeps(db(), local), seller.merchantId);
    const streams = await db().select().from(syncStreams).where(eq(syncStreams.merchantId, seller.merchantId));
    expect(Object.fromEntries(streams.map((s) => [s.stream, s.status]))).toEqual({ customers: "done", cards: "skipped", gift_cards: "skipped", orders: "skipped", payments: "skipped" });
    expect(streams.find((s) => s.stream === "orders")?.lastError).toMatch(/ORDERS_READ/);
  });
});
