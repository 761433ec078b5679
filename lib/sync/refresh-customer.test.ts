import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/local-square";
import { getCustomerHistory } from "@/lib/db/queries/history";
import { mirrorCustomers, mirrorCustomerStats } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { connectedSeller, syncTestDeps } from "@/test/sync/harness";
import { runBackfill } from "./backfill/run-backfill";
import { refreshCustomerLive } from "./refresh-customer";

// No webhook subscription here: only the live refresh can tell the mirror what changed.
let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const key = () => randomUUID();
const usd = (cents: number) => ({ amount: BigInt(cents), currency: "USD" as const });

describeEachDatabase("refreshing one customer live", ({ db }) => {
  it("brings a customer's cards, gift cards, recent orders and payments up to date from Square", async () => {
    const seller = await connectedSeller(db(), local);
    const c = seller.client;
    const ada = (await c.customers.create({ idempotencyKey: key(), givenName: "Ada" })).customer!.id!;
    const deps = syncTestDeps(db(), local);
    await runBackfill(deps, seller.merchantId);

    await c.cards.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", card: { customerId: ada } });
    const { giftCard } = await c.giftCards.create({ idempotencyKey: key(), locationId: seller.locationId, giftCard: { type: "DIGITAL" } });
    await c.giftCards.linkCustomer({ giftCardId: giftCard!.id!, customerId: ada });
    const { order } = await c.orders.create({ idempotencyKey: key(), order: { locationId: seller.locationId, customerId: ada, lineItems: [{ name: "Cake", quantity: "1", basePriceMoney: usd(450) }] } });
    await c.payments.create({ idempotencyKey: key(), sourceId: "cnon:card-nonce-ok", amountMoney: order!.totalMoney!, orderId: order!.id, customerId: ada, locationId: seller.locationId });

    expect(await refreshCustomerLive(deps, seller.merchantId, ada)).toEqual({ customerId: ada, cards: 1, giftCards: 1, orders: 1, payments: 1 });
    const [stats] = await db().select().from(mirrorCustomerStats).where(and(eq(mirrorCustomerStats.merchantId, seller.merchantId), eq(mirrorCustomerStats.customerId, ada)));
    expect(stats).toMatchObject({ cardCount: 1, giftCardCount: 1, orderCount: 1, paymentCount: 1, lifetimeSpend: 450 });
    expect((await getCustomerHistory(db(), { merchantId: seller.merchantId, customerId: ada })).entries.map((e) => e.orderId)).toEqual([order!.id]);
  });

  it("notices that the customer was merged or deleted meanwhile", async () => {
    const seller = await connectedSeller(db(), local);
    const ids = await Promise.all(["Old", "Older", "Gone"].map(async (givenName) => (await seller.client.customers.create({ idempotencyKey: key(), givenName })).customer!.id!));
    const deps = syncTestDeps(db(), local);
    await runBackfill(deps, seller.merchantId);
    const merged = ((await (await local.admin("/_emulator/customers/merge", { customer_ids: ids.slice(0, 2) }, seller.accessToken)).json()) as { customer: { id: string } }).customer.id;
    await seller.client.customers.delete({ customerId: ids[2] });

    expect((await refreshCustomerLive(deps, seller.merchantId, ids[0])).customerId).toBe(merged);
    expect(await refreshCustomerLive(deps, seller.merchantId, ids[2])).toMatchObject({ customerId: null });
    const [gone] = await db().select().from(mirrorCustomers).where(and(eq(mirrorCustomers.merchantId, seller.merchantId), eq(mirrorCustomers.id, ids[2])));
    expect(gone.deletedAt).toBeInstanceOf(Date);
  });
});
