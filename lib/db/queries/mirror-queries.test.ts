import { beforeAll, expect, it } from "vitest";
import { applyToMirror } from "@/lib/sync/apply";
import { inMirrorTransaction } from "@/lib/sync/mirror-lock";
import { markSalesRollupsStale, rebuildStaleSalesRollups } from "@/lib/sync/sales-rollups";
import { describeEachDatabase } from "@/test/databases";
import { customer, newId, order, payment } from "@/test/sync/objects";
import { insertSeller } from "@/test/sync/sellers";
import { listCustomers } from "./customers";
import { getCustomerHistory } from "./history";
import { listOrders } from "./orders";
import { listPayments } from "./payments";
import { getCustomerShare, getNewVsReturning, getRevenueSeries, getTenderMix, getTopCustomers } from "./reports";

const usd = (amount: number) => ({ amount, currency: "USD" });

/** A small café: Ada (two profiles, merged), Grace, a cash buyer nobody knows. Times in UTC; the shop is in Los Angeles. */
describeEachDatabase("queries over the mirror", ({ db }) => {
  let m: string;
  const [ada, adaOld, grace, gone] = [newId(), newId(), newId(), newId()];
  const sale = (id: string, at: string, cents: number, customerId: string | null, extra: Partial<Parameters<typeof payment>[0]> = {}) => {
    const p = payment({ id: `P${id}`, createdAt: at, updatedAt: at, customerId, total: usd(cents), amount: usd(cents), ...extra });
    const o = order({ id: `O${id}`, createdAt: at, updatedAt: at, total: usd(cents), paymentIds: [{ id: p.id }] });
    return { o, p: { ...p, orderId: o.id } };
  };
  const sales = [
    sale("1", "2026-03-01T02:00:00.000Z", 1000, adaOld), // Feb 28 in Los Angeles
    sale("2", "2026-03-02T18:00:00.000Z", 2500, ada),
    sale("3", "2026-03-02T19:00:00.000Z", 700, grace, { sourceType: "CASH", cardBrand: null }),
    sale("4", "2026-03-03T17:00:00.000Z", 400, null, { sourceType: "CASH", cardBrand: null }),
    sale("5", "2026-03-09T17:00:00.000Z", 300, grace),
  ];

  beforeAll(async () => {
    m = await insertSeller(db(), { mainLocationId: "LOC1" });
    await applyToMirror(db(), m, {
      fetchedAt: new Date(),
      locations: [{ id: "LOC1", name: "Café", status: "ACTIVE", currency: "USD", timezone: "America/Los_Angeles" }],
      customers: [
        customer({ id: ada, givenName: "Ada", familyName: "Lovelace", emailAddress: "ada@example.com", phoneNumber: "+1 (206) 555-0101", createdAt: "2026-01-01T00:00:00.000Z" }),
        customer({ id: adaOld, givenName: "Ada", familyName: "Byron", emailAddress: "byron@example.com", createdAt: "2025-12-01T00:00:00.000Z" }),
        customer({ id: grace, givenName: "Grace", familyName: "Hopper", emailAddress: "grace@example.com", phoneNumber: "+12065550199", createdAt: "2026-01-02T00:00:00.000Z" }),
        customer({ id: gone, givenName: "Gone", familyName: "Away", createdAt: "2026-01-03T00:00:00.000Z" }),
      ],
      orders: sales.map((s) => s.o),
      payments: sales.map((s) => s.p),
    });
    await applyToMirror(db(), m, { fetchedAt: new Date(), merges: [{ fromIds: [adaOld], toId: ada }], deletedCustomerIds: [adaOld, gone] });
  });

  it("lists surviving customers with their aggregates, searched by any part of name, email or phone", async () => {
    const all = await listCustomers(db(), { merchantId: m, sort: "spend" });
    expect(all.total).toBe(2);
    expect(all.customers.map((c) => [c.givenName, c.orderCount, c.lifetimeSpend.amount, c.visitCount])).toEqual([
      ["Ada", 2, 3500, 2],
      ["Grace", 2, 1000, 2],
    ]);
    expect((await listCustomers(db(), { merchantId: m, search: "LOVE" })).customers.map((c) => c.id)).toEqual([ada]);
    expect((await listCustomers(db(), { merchantId: m, search: "(206) 555-0199" })).customers.map((c) => c.id)).toEqual([grace]);
    expect((await listCustomers(db(), { merchantId: m, search: "example.com", sort: "name", direction: "asc", limit: 1, offset: 1 })).customers.map((c) => c.id)).toEqual([grace]);
    expect((await listCustomers(db(), { merchantId: m, search: "100%_" })).total).toBe(0);
  });

  it("sorts the directory by an aggregate the same walking the aggregates as sorting every customer (a backfill's stale window)", async () => {
    const sorts = ["spend", "lastVisit", "orders", "visits", "cards", "giftCards"] as const;
    const pages = () =>
      Promise.all(sorts.flatMap((sort) => (["asc", "desc"] as const).flatMap((direction) => [0, 1].map((offset) => listCustomers(db(), { merchantId: m, sort, direction, limit: 1, offset })))));
    const walked = await pages();
    expect(walked.every((p) => p.total === 2 && p.customers.length === 1)).toBe(true);
    await inMirrorTransaction(db(), m, (tx) => markSalesRollupsStale(tx, m));
    expect(await pages()).toEqual(walked);
    expect(await rebuildStaleSalesRollups(db(), m)).toBe(true);
  });

  it("gives a customer's history across merged profiles, newest first, page by page", async () => {
    const first = await getCustomerHistory(db(), { merchantId: m, customerId: adaOld, limit: 1 });
    expect(first.customerId).toBe(ada);
    expect(first.entries.map((e) => [e.orderId, e.attribution])).toEqual([["O2", { source: "payment", mergedFrom: null }]]);
    expect(first.entries[0]).toMatchObject({ total: usd(2500), items: "1 × Coffee", payments: [{ id: "P2", total: usd(2500), customerId: ada }] });
    const second = await getCustomerHistory(db(), { merchantId: m, customerId: ada, cursor: first.nextCursor });
    expect(second.entries.map((e) => [e.orderId, e.attribution.mergedFrom])).toEqual([["O1", adaOld]]);
    expect(second.nextCursor).toBeNull();
  });

  it("lists orders and payments in a date range with the customers they are attributed to", async () => {
    const march2 = { merchantId: m, from: "2026-03-02T00:00:00.000Z", to: "2026-03-04T00:00:00.000Z" };
    const orders = await listOrders(db(), march2);
    expect(orders.orders.map((o) => [o.id, o.customers.map((c) => c.givenName ?? "nobody")])).toEqual([
      ["O4", ["nobody"]],
      ["O3", ["Grace"]],
      ["O2", ["Ada"]],
    ]);
    expect((await listOrders(db(), { merchantId: m, customerId: adaOld })).orders.map((o) => o.id)).toEqual(["O2", "O1"]);
    const page = await listPayments(db(), { ...march2, limit: 2 });
    expect(page.payments.map((p) => [p.id, p.customer.customerId])).toEqual([["P4", null], ["P3", grace]]);
    expect((await listPayments(db(), { ...march2, cursor: page.nextCursor })).payments.map((p) => p.id)).toEqual(["P2"]);
    expect((await listPayments(db(), { merchantId: m, withoutCustomer: true })).payments.map((p) => p.id)).toEqual(["P4"]);
  });

  it("reports revenue by local day and week, new and returning customers, top customers, sales with no customer and tender mix", async () => {
    const range = { merchantId: m, from: "2026-02-28T08:00:00.000Z", to: "2026-03-04T08:00:00.000Z" };
    expect((await getRevenueSeries(db(), { ...range, period: "day" })).map((p) => [p.period, p.revenue.amount, p.payments])).toEqual([
      ["2026-02-28", 1000, 1],
      ["2026-03-01", 0, 0],
      ["2026-03-02", 3200, 2],
      ["2026-03-03", 400, 1],
    ]);
    const weeks = await getRevenueSeries(db(), { merchantId: m, from: "2026-02-23T08:00:00.000Z", to: "2026-03-16T07:00:00.000Z", period: "week" });
    expect(weeks.map((p) => [p.period, p.revenue.amount])).toEqual([["2026-02-23", 1000], ["2026-03-02", 3600], ["2026-03-09", 300]]);
    expect((await getRevenueSeries(db(), { ...range, period: "day", timezone: "UTC" }))[0]).toMatchObject({ period: "2026-02-28", payments: 0 });
    const visits = await getNewVsReturning(db(), { merchantId: m, from: "2026-02-23T08:00:00.000Z", to: "2026-03-16T07:00:00.000Z", period: "week" });
    expect(visits.map((v) => [v.period, v.newCustomers, v.returningCustomers])).toEqual([["2026-02-23", 1, 0], ["2026-03-02", 1, 1], ["2026-03-09", 0, 1]]);
    expect((await getTopCustomers(db(), range)).map((t) => [t.givenName, t.spend.amount, t.payments])).toEqual([["Ada", 3500, 2], ["Grace", 700, 1]]);
    expect(await getCustomerShare(db(), range)).toMatchObject({ total: usd(4600), withoutCustomer: usd(400), paymentsWithoutCustomer: 1, shareWithoutCustomer: 400 / 4600 });
    expect((await getTenderMix(db(), range)).map((t) => [t.sourceType, t.cardBrand, t.revenue.amount, t.payments])).toEqual([["CARD", "VISA", 3500, 2], ["CASH", null, 1100, 2]]);
  });
});
