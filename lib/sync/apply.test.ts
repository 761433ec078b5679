import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { mirrorCustomers, mirrorCustomerStats, mirrorGiftCards, mirrorOrderCustomers, mirrorOrderLineItems, mirrorOrders, mirrorPayments } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { applyToMirror } from "./apply";
import { recomputeCustomerStats } from "./customer-stats";
import { inMirrorTransaction } from "./mirror-lock";
import { card, customer, giftCard, newId, order, payment } from "@/test/sync/objects";
import { insertSeller } from "@/test/sync/sellers";

const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 0, 0, s));

describeEachDatabase("writing the mirror", ({ db }) => {
  let m: string;
  beforeAll(async () => {
    m = await insertSeller(db());
  });

  const customerRow = async (id: string) => (await db().select().from(mirrorCustomers).where(and(eq(mirrorCustomers.merchantId, m), eq(mirrorCustomers.id, id))))[0];
  const paymentRow = async (id: string) => (await db().select().from(mirrorPayments).where(and(eq(mirrorPayments.merchantId, m), eq(mirrorPayments.id, id))))[0];
  const stats = async (id: string) => (await db().select().from(mirrorCustomerStats).where(and(eq(mirrorCustomerStats.merchantId, m), eq(mirrorCustomerStats.customerId, id))))[0];
  const orderCustomers = async (orderId: string) =>
    (await db().select().from(mirrorOrderCustomers).where(and(eq(mirrorOrderCustomers.merchantId, m), eq(mirrorOrderCustomers.orderId, orderId))))
      .map((r) => ({ customerId: r.customerId, source: r.source, mergedFrom: r.mergedFrom }))
      .sort((a, b) => String(a.customerId).localeCompare(String(b.customerId)));

  it("never lets an older customer version replace a newer one, and keeps deletions", async () => {
    const c = customer();
    await applyToMirror(db(), m, { fetchedAt: at(1), customers: [{ ...c, version: 2, givenName: "New" }] });
    await applyToMirror(db(), m, { fetchedAt: at(2), customers: [{ ...c, version: 1, givenName: "Old" }] });
    expect(await customerRow(c.id)).toMatchObject({ givenName: "New", version: 2, deletedAt: null });
    await applyToMirror(db(), m, { fetchedAt: at(3), deletedCustomerIds: [c.id] });
    await applyToMirror(db(), m, { fetchedAt: at(4), customers: [{ ...c, version: 2, givenName: "Replayed" }] });
    expect(await customerRow(c.id)).toMatchObject({ givenName: "New", deletedAt: expect.any(Date) });
    await applyToMirror(db(), m, { fetchedAt: at(5), customers: [{ ...c, version: 3, givenName: "Restored" }] });
    expect(await customerRow(c.id)).toMatchObject({ givenName: "Restored", deletedAt: null, searchText: expect.stringContaining("restored") });
  });

  it("remembers a profile Square no longer knows as a tombstone", async () => {
    const id = newId();
    await applyToMirror(db(), m, { fetchedAt: at(1), deletedCustomerIds: [id] });
    expect(await customerRow(id)).toMatchObject({ id, deletedAt: expect.any(Date), raw: {} });
  });

  it("orders: the highest version wins and its line items replace the old ones", async () => {
    const o = order();
    await applyToMirror(db(), m, { fetchedAt: at(1), orders: [{ ...o, version: 3, lineItems: [{ ...o.lineItems[0], name: "Tea" }] }] });
    await applyToMirror(db(), m, { fetchedAt: at(2), orders: [{ ...o, version: 2, state: "OPEN" }] });
    const [row] = await db().select().from(mirrorOrders).where(and(eq(mirrorOrders.merchantId, m), eq(mirrorOrders.id, o.id)));
    expect(row).toMatchObject({ version: 3, state: "COMPLETED" });
    const lines = await db().select().from(mirrorOrderLineItems).where(and(eq(mirrorOrderLineItems.merchantId, m), eq(mirrorOrderLineItems.orderId, o.id)));
    expect(lines.map((l) => l.name)).toEqual(["Tea"]);
  });

  it("payments and gift cards: a state fetched or updated earlier never replaces a later one", async () => {
    const p = payment();
    await applyToMirror(db(), m, { fetchedAt: at(5), payments: [{ ...p, status: "COMPLETED", updatedAt: "2026-02-01T12:00:05.000Z" }] });
    await applyToMirror(db(), m, { fetchedAt: at(6), payments: [{ ...p, status: "APPROVED", updatedAt: "2026-02-01T12:00:01.000Z" }] });
    expect(await paymentRow(p.id)).toMatchObject({ status: "COMPLETED" });
    const g = giftCard();
    await applyToMirror(db(), m, { fetchedAt: at(9), giftCards: [{ ...g, state: "DEACTIVATED" }] });
    await applyToMirror(db(), m, { fetchedAt: at(8), giftCards: [{ ...g, state: "ACTIVE" }] });
    const [row] = await db().select().from(mirrorGiftCards).where(and(eq(mirrorGiftCards.merchantId, m), eq(mirrorGiftCards.id, g.id)));
    expect(row.state).toBe("DEACTIVATED");
  });

  it("attributes an order to the customer on its payment, and moves it when Square assigns one later", async () => {
    const buyer = customer();
    const p = payment({ updatedAt: "2026-02-01T12:00:00.000Z" });
    const o = order({ paymentIds: [{ id: p.id }] });
    await applyToMirror(db(), m, { fetchedAt: at(1), customers: [buyer], orders: [o], payments: [{ ...p, orderId: o.id }] });
    expect(await orderCustomers(o.id)).toEqual([{ customerId: null, source: "none", mergedFrom: null }]);
    await applyToMirror(db(), m, { fetchedAt: at(2), payments: [{ ...p, orderId: o.id, customerId: buyer.id, updatedAt: "2026-02-01T12:00:02.000Z" }] });
    expect(await orderCustomers(o.id)).toEqual([{ customerId: buyer.id, source: "payment", mergedFrom: null }]);
    expect(await paymentRow(p.id)).toMatchObject({ attributedCustomerId: buyer.id, attributionSource: "payment" });
    expect(await stats(buyer.id)).toMatchObject({ orderCount: 1, paymentCount: 1, lifetimeSpend: 1500, visitCount: 1 });
  });

  it("splits an order paid by two customers between them, and falls back to the order's customer", async () => {
    const [x, z, y] = [newId(), newId(), newId()];
    const [p1, p2] = [payment({ customerId: x }), payment({ customerId: z })];
    const o = order({ customerId: y, paymentIds: [{ id: p1.id }, { id: p2.id }] });
    await applyToMirror(db(), m, { fetchedAt: at(1), orders: [o], payments: [{ ...p1, orderId: o.id }, { ...p2, orderId: o.id }] });
    expect(await orderCustomers(o.id)).toEqual(
      [
        { customerId: x, source: "payment", mergedFrom: null },
        { customerId: z, source: "payment", mergedFrom: null },
      ].sort((a, b) => a.customerId.localeCompare(b.customerId)),
    );
    const lone = payment();
    const o2 = order({ customerId: y, paymentIds: [{ id: lone.id }] });
    await applyToMirror(db(), m, { fetchedAt: at(1), payments: [{ ...lone, orderId: o2.id }] });
    await applyToMirror(db(), m, { fetchedAt: at(2), orders: [o2] });
    expect(await orderCustomers(o2.id)).toEqual([{ customerId: y, source: "order", mergedFrom: null }]);
    expect(await paymentRow(lone.id)).toMatchObject({ attributedCustomerId: y, attributionSource: "order" });
  });

  it("follows merges, in either order, moving history and aggregates to the survivor", async () => {
    const [a, b, c, d, e] = [newId(), newId(), newId(), newId(), newId()];
    const pa = payment({ customerId: a, createdAt: "2026-02-01T10:00:00.000Z" });
    const pd = payment({ customerId: d, createdAt: "2026-02-03T10:00:00.000Z", total: { amount: 700, currency: "USD" } });
    const oa = order({ paymentIds: [{ id: pa.id }] });
    const od = order({ paymentIds: [{ id: pd.id }] });
    await applyToMirror(db(), m, {
      fetchedAt: at(1),
      customers: [a, b, c, d, e].map((id) => customer({ id })),
      orders: [oa, od],
      payments: [{ ...pa, orderId: oa.id }, { ...pd, orderId: od.id }],
      cards: [card({ customerId: a }), card({ customerId: d }), card({ customerId: d, enabled: false })],
      giftCards: [giftCard({ customerIds: [a, b] })],
    });
    expect(await stats(a)).toMatchObject({ orderCount: 1, cardCount: 1, giftCardCount: 1 });
    // The later merge arrives first.
    await applyToMirror(db(), m, { fetchedAt: at(2), merges: [{ fromIds: [c, d], toId: e }], deletedCustomerIds: [c, d] });
    await applyToMirror(db(), m, { fetchedAt: at(3), merges: [{ fromIds: [a, b], toId: c }], deletedCustomerIds: [a, b] });
    expect(await orderCustomers(oa.id)).toEqual([{ customerId: e, source: "payment", mergedFrom: a }]);
    expect(await paymentRow(pd.id)).toMatchObject({ attributedCustomerId: e, attributedMergedFrom: d });
    expect(await stats(e)).toMatchObject({ orderCount: 2, paymentCount: 2, lifetimeSpend: 2200, visitCount: 2, cardCount: 2, giftCardCount: 1 });
    for (const old of [a, b, c, d]) expect(await stats(old)).toBeUndefined();
  });

  it("keeps aggregates equal to a full recomputation", async () => {
    const before = await db().select().from(mirrorCustomerStats).where(eq(mirrorCustomerStats.merchantId, m));
    await inMirrorTransaction(db(), m, (tx) => recomputeCustomerStats(tx, m, "all"));
    const after = await db().select().from(mirrorCustomerStats).where(eq(mirrorCustomerStats.merchantId, m));
    const comparable = (rows: typeof before) => rows.map(({ updatedAt: _u, ...r }) => r).sort((x, y) => x.customerId.localeCompare(y.customerId));
    expect(comparable(after).filter((r) => r.paymentCount || r.orderCount || r.cardCount || r.giftCardCount)).toEqual(
      comparable(before).filter((r) => r.paymentCount || r.orderCount || r.cardCount || r.giftCardCount),
    );
  });
});
