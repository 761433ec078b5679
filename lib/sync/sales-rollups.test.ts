import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { countExportRows } from "@/lib/db/queries/exports";
import { listSources } from "@/lib/db/queries/history-counts";
import { PATRON_CHECKOUT } from "@/lib/db/queries/history-filters";
import { checkoutAttempts } from "@/lib/db/schema";
import { getSalesFigures } from "@/lib/db/queries/report-figures";
import { getCustomerShare, getNewVsReturning, getRevenueSeries, getTenderMix, getTopCustomers, type Period, type ReportParams } from "@/lib/db/queries/reports";
import { planSales } from "@/lib/db/queries/sales-source";
import { addDays, startOfLocalDay } from "@/lib/reports/time-zone";
import type { Payment } from "@/lib/square/types";
import { describeEachDatabase } from "@/test/databases";
import { directReport } from "@/test/sync/direct-report";
import { customer, newId, order, payment } from "@/test/sync/objects";
import { rebuiltRollupRows, rollupRows } from "@/test/sync/rollups";
import { insertSeller } from "@/test/sync/sellers";
import { applyToMirror, type ApplyOptions, type MirrorChanges } from "./apply";
import { inMirrorTransaction } from "./mirror-lock";
import { markSalesRollupsStale, rebuildSalesRollups, rebuildStaleSalesRollups } from "./sales-rollups";

const usd = (amount: number) => ({ amount, currency: "USD" });
const LA = "America/Los_Angeles";

/**
 * The sales rollups stay equal to a rebuild from scratch, and every report read from them equals
 * the same report counted directly from the payments, through late customer assignment, merges,
 * refunds, failed payments, split bills, out-of-order states, a backfill's stale window, a second
 * time zone, a location moving zone and payments with no location.
 */
describeEachDatabase("sales rollups", ({ db }) => {
  let m: string;
  const [ada, bea, cal, dot, eve] = [newId(), newId(), newId(), newId(), newId()];
  const loc = (id: string, timezone: string | null) => ({ id, name: id, status: "ACTIVE", currency: "USD", timezone });
  const apply = (changes: Omit<MirrorChanges, "fetchedAt">, options?: ApplyOptions) => applyToMirror(db(), m, { fetchedAt: new Date(), ...changes }, options);
  const sale = (at: string, cents: number, customerId: string | null, extra: Partial<Payment> = {}) => {
    const p = payment({ createdAt: at, updatedAt: at, customerId, total: usd(cents), amount: usd(cents), ...extra });
    const o = order({ createdAt: at, updatedAt: at, total: usd(cents), paymentIds: [{ id: p.id, customerId }] });
    return { o, p: { ...p, orderId: o.id } };
  };
  const later = (p: Payment, changes: Partial<Payment>, seconds = 60) => ({ ...p, ...changes, updatedAt: new Date(Date.parse(p.updatedAt!) + seconds * 1000).toISOString() });

  /** Whole local days [from, to] in a zone, as the report pages ask. */
  const days = (from: string, to: string, zone: string, extra: Partial<ReportParams> = {}): ReportParams => ({
    merchantId: m,
    from: startOfLocalDay(from, zone),
    to: startOfLocalDay(addDays(to, 1), zone),
    ...extra,
  });

  async function expectReportsMatch(params: ReportParams, period: Period = "day") {
    const direct = await directReport(db(), { ...params, period });
    const what = `${params.from}..${params.to} ${params.timezone ?? ""} ${params.locationId ?? ""} by ${period}`;
    expect((await getRevenueSeries(db(), { ...params, period })).map((r) => ({ period: r.period, revenue: r.revenue.amount, payments: r.payments })), what).toEqual(direct.revenue);
    const f = await getSalesFigures(db(), params);
    expect(
      { revenue: f.revenue.amount, payments: f.payments, sales: f.sales, customers: f.customers, newCustomers: f.newCustomers, withoutCustomer: f.withoutCustomer.amount, paymentsWithoutCustomer: f.paymentsWithoutCustomer },
      what,
    ).toEqual(direct.figures);
    const share = await getCustomerShare(db(), params);
    expect([share.total.amount, share.payments, share.withoutCustomer.amount], what).toEqual([direct.figures.revenue, direct.figures.payments, direct.figures.withoutCustomer]);
    const key = (t: { sourceType: string; cardBrand: string | null }) => `${t.sourceType}|${t.cardBrand}`;
    const tenders = (await getTenderMix(db(), params)).map((t) => ({ sourceType: t.sourceType, cardBrand: t.cardBrand, revenue: t.revenue.amount, payments: t.payments }));
    expect(tenders.sort((a, b) => key(a).localeCompare(key(b))), what).toEqual(direct.tenders.sort((a, b) => key(a).localeCompare(key(b))));
    const top = (await getTopCustomers(db(), { ...params, limit: 100 })).map((t) => ({ customerId: t.customerId, spend: t.spend.amount, payments: t.payments, lastPaymentAt: t.lastPaymentAt }));
    expect(top, what).toEqual(direct.top);
    expect(await getNewVsReturning(db(), { ...params, period }), what).toEqual(direct.newVsReturning);
  }

  /** The Orders and Payments pages' totals and sources from the rollups equal those counted from the rows (stale rollups). */
  async function expectCountsMatch(params: ReportParams) {
    const base = { merchantId: m, from: params.from, to: params.to, locationId: params.locationId };
    // One at a time: a burst of parallel queries leaves pooled connections that the test database's drop then kills.
    const answers = async () => {
      const out: unknown[] = [];
      for (const f of [{}, { states: ["OPEN"] }, { sources: ["Square Online"] }, { sources: [PATRON_CHECKOUT] }, { sources: ["Patron", PATRON_CHECKOUT] }, { withoutCustomer: true }, { withCustomer: true }])
        out.push(await countExportRows(db(), "orders", { ...base, ...f }));
      for (const f of [{}, { statuses: ["COMPLETED"], cardBrands: ["VISA"] }, { sources: [PATRON_CHECKOUT, "Square Online"] }, { sources: ["Patron"] }, { withoutCustomer: true }])
        out.push(await countExportRows(db(), "payments", { ...base, ...f }));
      out.push(await listSources(db(), base));
      return out;
    };
    const rolled = await answers();
    await inMirrorTransaction(db(), m, (tx) => markSalesRollupsStale(tx, m));
    expect(await answers(), `${params.from}..${params.to} ${params.locationId ?? ""}`).toEqual(rolled);
    expect(await rebuildStaleSalesRollups(db(), m)).toBe(true);
  }

  async function expectExact(step: string, zone = LA) {
    expect(await rollupRows(db(), m), `${step}: the rollups kept up equal a rebuild`).toEqual(await rebuiltRollupRows(db(), m));
    await expectCountsMatch(days("2026-02-25", "2026-03-10", zone));
    await expectCountsMatch(days("2026-03-01", "2026-03-05", zone, { locationId: "LOC1" }));
    await expectReportsMatch(days("2026-02-25", "2026-03-10", zone));
    await expectReportsMatch(days("2026-02-23", "2026-03-15", zone), "week");
    await expectReportsMatch({ merchantId: m, from: "2026-02-28T13:00:00.000Z", to: "2026-03-06T01:30:00.000Z" });
    await expectReportsMatch({ ...days("2026-02-25", "2026-03-10", "UTC"), timezone: "UTC" });
    await expectReportsMatch(days("2026-03-01", "2026-03-05", zone, { locationId: "LOC1" }));
  }

  const s1 = sale("2026-03-01T07:30:00.000Z", 1000, ada); // Feb 28 in Los Angeles
  const s2 = sale("2026-03-01T08:30:00.000Z", 2000, ada);
  const s3 = sale("2026-03-02T18:00:00.000Z", 700, bea, { sourceType: "CASH", cardBrand: null });
  const s4 = sale("2026-03-03T17:00:00.000Z", 400, null);
  const gift = sale("2026-03-03T19:00:00.000Z", 900, cal, { cardBrand: "SQUARE_GIFT_CARD" });
  // An order naming a customer, paid without one: the order's customer is the buyer.
  const byOrder = sale("2026-03-04T20:00:00.000Z", 1200, null);
  byOrder.o.customerId = cal;
  // A split bill: two payments of one order on two days, by two people.
  const split = order({ createdAt: "2026-03-05T18:00:00.000Z", updatedAt: "2026-03-05T18:00:00.000Z", total: usd(1000) });
  const splitA = payment({ orderId: split.id, customerId: dot, createdAt: "2026-03-05T18:00:00.000Z", updatedAt: "2026-03-05T18:00:00.000Z", total: usd(500) });
  const splitB = payment({ orderId: split.id, customerId: bea, createdAt: "2026-03-06T18:00:00.000Z", updatedAt: "2026-03-06T18:00:00.000Z", total: usd(500) });
  const pending = sale("2026-03-02T10:00:00.000Z", 300, bea, { status: "APPROVED" });

  beforeAll(async () => {
    m = await insertSeller(db(), { mainLocationId: "LOC1" });
    await apply({ locations: [loc("LOC1", LA)], customers: [ada, bea, cal, dot, eve].map((id) => customer({ id })) });
  });

  it("match a rebuild and the payments after the first sales, read from the rollups", async () => {
    const sales = [s1, s2, s3, s4, gift, byOrder, pending];
    // An order still open, from Square Online; and a sale Patron's own checkout made.
    const open = order({ state: "OPEN", sourceName: "Square Online", createdAt: "2026-03-04T22:00:00.000Z", updatedAt: "2026-03-04T22:00:00.000Z" });
    await db().insert(checkoutAttempts).values({ id: randomUUID(), merchantId: m, amount: 700, currency: "USD", lineItems: [], identityKey: "k", orderId: s3.o.id, status: "completed" });
    await apply({ orders: [...sales.map((s) => s.o), split, open], payments: [...sales.map((s) => s.p), splitA, splitB] });
    expect(await planSales(db(), days("2026-02-25", "2026-03-10", LA))).toMatchObject({ rolled: ["LOC1"], live: [] });
    expect(await planSales(db(), { merchantId: m, from: "2026-02-28T13:00:00.000Z", to: "2026-03-06T01:30:00.000Z" })).toMatchObject({ live: "all" });
    await expectExact("first sales");
    expect((await getSalesFigures(db(), days("2026-02-25", "2026-03-10", LA))).sales, "the split bill is one sale").toBe(7);
  });

  it("follow a customer Square assigns later, and merges", async () => {
    await apply({ payments: [later(s4.p, { customerId: dot })] });
    await expectExact("late assignment");
    await apply({ merges: [{ fromIds: [ada], toId: eve }] });
    await expectExact("merge");
  });

  it("follow refunds, failed and completed payments, ignore older states, and move a split bill's sale to its first payment", async () => {
    await apply({ payments: [later(s2.p, { refunded: usd(500) }), later(pending.p, { status: "FAILED" })] });
    await expectExact("refund and failure");
    await apply({ payments: [later(s3.p, { status: "APPROVED" }, -30)] });
    await expectExact("an older state");
    const earlier = payment({ orderId: split.id, customerId: cal, createdAt: "2026-03-04T18:00:00.000Z", updatedAt: "2026-03-04T18:00:00.000Z", total: usd(200), status: "APPROVED" });
    await apply({ payments: [earlier] });
    await apply({ payments: [later(earlier, { status: "COMPLETED" })] });
    await expectExact("a split bill's earlier payment completes");
  });

  it("read the payments while a backfill leaves the rollups stale, then the rebuild", async () => {
    const late = sale("2026-03-07T19:00:00.000Z", 1500, bea);
    await apply({ orders: [late.o], payments: [late.p] }, { stats: false });
    expect(await planSales(db(), days("2026-02-25", "2026-03-10", LA))).toMatchObject({ rolled: [], live: "all" });
    await expectReportsMatch(days("2026-02-25", "2026-03-10", LA));
    await inMirrorTransaction(db(), m, (tx) => rebuildSalesRollups(tx, m));
    expect(await planSales(db(), days("2026-02-25", "2026-03-10", LA))).toMatchObject({ rolled: ["LOC1"], live: [] });
    await expectExact("after the rebuild");
  });

  it("read a location in another zone from its payments, follow a location changing zone, and payments with no location", async () => {
    const east = sale("2026-03-03T04:30:00.000Z", 800, cal, { locationId: "LOC2" });
    await apply({ locations: [loc("LOC2", "America/New_York")], orders: [east.o], payments: [east.p] });
    expect(await planSales(db(), days("2026-02-25", "2026-03-10", LA))).toMatchObject({ rolled: ["LOC1"], live: ["LOC2"] });
    await expectExact("second zone");
    await expectReportsMatch(days("2026-03-01", "2026-03-05", "America/New_York", { locationId: "LOC2" }));

    await apply({ locations: [loc("LOC1", "America/Denver")] });
    await expectExact("LOC1 moved to Denver", "America/Denver");
    // The same buyer at two locations of one zone on one day is one buyer that day.
    const across = sale("2026-03-03T20:00:00.000Z", 450, cal, { locationId: "LOC3" });
    await apply({ locations: [loc("LOC3", "America/Denver")], orders: [across.o], payments: [across.p] });
    expect(await planSales(db(), days("2026-02-25", "2026-03-10", "America/Denver"))).toMatchObject({ live: ["LOC2"], everyLocationRolled: false });
    await expectExact("two locations in one zone", "America/Denver");
    const nowhere = sale("2026-03-08T12:00:00.000Z", 650, null, { locationId: null });
    await apply({ orders: [nowhere.o], payments: [nowhere.p] });
    await expectExact("no location", "America/Denver");
  });
});
