import type { Square } from "square";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sellerRecords, startTestEmulator, type TestEmulator } from "@/test/local-square";
import { orderExportBatches, paymentExportBatches } from "@/lib/db/queries/exports";
import { listSources } from "@/lib/db/queries/history-counts";
import { listHistoryLocations } from "@/lib/db/queries/history-filters";
import { getOrderDetail } from "@/lib/db/queries/order-detail";
import { listOrders, type ListOrdersParams, type OrderSummary } from "@/lib/db/queries/orders";
import { getPaymentDetail } from "@/lib/db/queries/payment-detail";
import { listPayments } from "@/lib/db/queries/payments";
import { getSalesFigures } from "@/lib/db/queries/report-figures";
import { getRevenueSeries, getTenderMix } from "@/lib/db/queries/reports";
import { runBackfill } from "@/lib/sync/backfill/run-backfill";
import { requestBackfill } from "@/lib/sync/jobs/schedule";
import { describeEachDatabase } from "@/test/databases";
import { authorizeSeller, testSquareConfig } from "@/test/square";
import { ALL_SCOPES, syncTestDeps } from "@/test/sync/harness";
import { insertSeller } from "@/test/sync/sellers";
import { resolveRange } from "./range";
import { localDate } from "./time-zone";

/**
 * The demo café's year, back-filled into a mirror, checked against the local Square's own records:
 * the figures Patron shows must be Square's, attributed the way Square's guide says.
 */
const DEMO = "PATRONDEMO001";
const LOCATION = "PATRONLOC0001";

let local: TestEmulator;
let payments: Square.Payment[];
let orders: Square.Order[];
let survivorOf: Map<string, string>;
beforeAll(async () => {
  local = await startTestEmulator({ demo: true });
  ({ payments, orders, survivorOf } = sellerRecords(local, DEMO));
});
afterAll(() => local.stop());

const cents = (m: Square.Money | undefined) => Number(m?.amount ?? 0);
const survivor = (id: string) => survivorOf.get(id) ?? id;

/** Who Square's records say an order belongs to: its payments' customers first, else its own (independent of lib/crm). */
function expectedCustomers(order: Square.Order): string[] {
  const named = payments.filter((p) => p.orderId === order.id && p.customerId).map((p) => survivor(p.customerId!));
  if (named.length) return [...new Set(named)].sort();
  return order.customerId ? [survivor(order.customerId)] : [];
}

async function allOrders(db: Parameters<typeof listOrders>[0], params: ListOrdersParams): Promise<OrderSummary[]> {
  const out: OrderSummary[] = [];
  for (let cursor: string | null = null; ; ) {
    const page = await listOrders(db, { ...params, limit: 200, cursor });
    out.push(...page.orders);
    if (!(cursor = page.nextCursor)) return out;
  }
}

describeEachDatabase("the demo café's history in Patron", ({ db }) => {
  beforeAll(async () => {
    const grant = await authorizeSeller(local, testSquareConfig(local), DEMO, ALL_SCOPES);
    await insertSeller(db(), { merchantId: DEMO, accessToken: grant.accessToken, refreshToken: grant.refreshToken, mainLocationId: LOCATION, scopes: ALL_SCOPES });
    await requestBackfill(db(), DEMO);
    await runBackfill(syncTestDeps(db(), local, { settings: { backfillParallelism: 4, backfillBatchSize: 500 } }), DEMO);
  });

  it("reports revenue per local day that equals the sum of Square's completed payments that day", async () => {
    const [location] = await listHistoryLocations(db(), { merchantId: DEMO });
    expect(location).toMatchObject({ id: LOCATION, timezone: "America/Los_Angeles", main: true });
    const result = resolveRange({}, location.timezone!);
    if (!result.ok) throw new Error(result.problem);
    const { range } = result;
    const expected = new Map<string, number>();
    for (const p of payments)
      if (p.status === "COMPLETED" && p.locationId === LOCATION && p.createdAt! >= range.fromAt && p.createdAt! < range.toAt) {
        const day = localDate(p.createdAt!, range.timezone);
        expected.set(day, (expected.get(day) ?? 0) + cents(p.totalMoney));
      }
    expect(expected.size, "the demo sold on most of the last 30 days").toBeGreaterThan(20);

    const params = { merchantId: DEMO, from: range.fromAt, to: range.toAt, locationId: LOCATION };
    const days = await getRevenueSeries(db(), { ...params, period: "day" });
    expect(days).toHaveLength(range.days);
    expect(new Map(days.filter((d) => d.revenue.amount).map((d) => [d.period, d.revenue.amount]))).toEqual(expected);

    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    const weeks = await getRevenueSeries(db(), { ...params, period: "week" });
    expect(weeks.reduce((n, w) => n + w.revenue.amount, 0)).toBe(total);
    const figures = await getSalesFigures(db(), params);
    expect(figures.revenue.amount).toBe(total);
    expect((await getTenderMix(db(), params)).reduce((n, t) => n + t.revenue.amount, 0)).toBe(total);
    expect(figures.averageTicket.amount).toBe(Math.round(total / figures.sales));
  });

  it("shows an online order under its payment's customer, though the order names nobody", async () => {
    const online = orders.filter((o) => o.source?.name === "Square Online" && !o.customerId && o.state === "COMPLETED");
    expect(online.length).toBeGreaterThan(10);
    const order = online[online.length - 1];
    const [payment] = payments.filter((p) => p.orderId === order.id);
    expect(payment.customerId).toBeTruthy();

    const detail = await getOrderDetail(db(), { merchantId: DEMO, orderId: order.id! });
    expect(detail).toMatchObject({ channel: "Square Online", recordedCustomerId: null });
    expect(detail!.customers.map((c) => [c.customerId, c.source])).toEqual([[survivor(payment.customerId!), "payment"]]);
    expect(detail!.payments.map((p) => [p.id, p.customer.customerId])).toEqual([[payment.id, survivor(payment.customerId!)]]);
    expect(detail!.lineItems.length).toBe(order.lineItems!.length);
    expect(detail!.tenders.map((t) => [t.paymentId, t.amount.amount])).toEqual(order.tenders!.map((t) => [t.paymentId, cents(t.amountMoney)]));

    // The Source filter finds it among the day's online orders, attributed.
    const day = { merchantId: DEMO, from: order.createdAt!, to: new Date(Date.parse(order.createdAt!) + 1).toISOString() };
    const [listed] = (await listOrders(db(), { ...day, sources: ["Square Online"] })).orders;
    expect(listed.customers.map((c) => c.customerId)).toEqual([survivor(payment.customerId!)]);
    expect(await listSources(db(), { merchantId: DEMO, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" })).toEqual(
      expect.arrayContaining(["Square Point of Sale", "Square Online", "Square Payment Links"]),
    );
  });

  it("lists every order of profiles merged before Patron subscribed under the surviving profile", async () => {
    const groups = new Map<string, string[]>();
    for (const [old, to] of survivorOf) groups.set(survivor(to), [...(groups.get(survivor(to)) ?? []), old]);
    expect(groups.size).toBeGreaterThanOrEqual(6);
    for (const [kept, olds] of groups) {
      const expected = orders.filter((o) => expectedCustomers(o).includes(kept)).map((o) => o.id!);
      expect(expected.length, `the merged profile ${kept} bought something`).toBeGreaterThan(0);
      const listed = await allOrders(db(), { merchantId: DEMO, customerId: kept });
      expect(listed.map((o) => o.id).sort()).toEqual(expected.sort());
      // Asking with an old id finds the same history; each order says which old id Square recorded.
      expect((await allOrders(db(), { merchantId: DEMO, customerId: olds[0] })).length).toBe(expected.length);
      const fromOld = listed.flatMap((o) => o.customers).filter((c) => c.customerId === kept && c.mergedFrom);
      expect(fromOld.length).toBeGreaterThan(0);
      for (const c of fromOld) expect(olds).toContain(c.mergedFrom);
    }
  });

  it("flags payments Square gave a customer after the sale, and keeps sales with no customer", async () => {
    const late = payments.find((p) => p.customerId && orders.find((o) => o.id === p.orderId)?.tenders?.some((t) => t.paymentId === p.id && !t.customerId));
    expect(late, "the demo has late-assigned payments").toBeDefined();
    const detail = await getPaymentDetail(db(), { merchantId: DEMO, paymentId: late!.id! });
    expect(detail).toMatchObject({ assignedLater: true, tenderCustomerId: null, customer: { customerId: survivor(late!.customerId!), source: "payment" } });
    expect(detail!.order?.id).toBe(late!.orderId);

    const anonymous = await listPayments(db(), { merchantId: DEMO, withoutCustomer: true, limit: 20 });
    expect(anonymous.payments.length).toBeGreaterThan(0);
    for (const p of anonymous.payments) expect(payments.find((s) => s.id === p.id)?.customerId ?? null).toBeNull();
    const noCustomerOrders = await listOrders(db(), { merchantId: DEMO, withoutCustomer: true, limit: 20 });
    for (const o of noCustomerOrders.orders) expect(o.customers).toEqual([expect.objectContaining({ customerId: null, source: "none" })]);
  });

  it("exports every payment and order of the year once, oldest first, in bounded batches", async () => {
    const range = { merchantId: DEMO, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" };
    const batches: number[] = [];
    const seen: string[] = [];
    for await (const batch of paymentExportBatches(db(), range, 500)) {
      batches.push(batch.length);
      for (const p of batch) {
        seen.push(p.id);
        const square = payments.find((s) => s.id === p.id)!;
        expect(p.customer.customerId).toBe(square.customerId ? survivor(square.customerId) : (orders.find((o) => o.id === square.orderId)?.customerId ?? null));
      }
    }
    expect(Math.max(...batches)).toBe(500);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(payments.map((p) => p.id!).sort());

    let orderRows = 0;
    let previous = "";
    for await (const batch of orderExportBatches(db(), range, 700))
      for (const o of batch) {
        expect(o.createdAt! >= previous).toBe(true);
        previous = o.createdAt!;
        orderRows++;
      }
    expect(orderRows).toBe(orders.length);
  });
});
