import { and, eq, isNull, sql } from "drizzle-orm";
import { attributeOrder, attributePayment } from "@/lib/crm/attribution";
import type { Db } from "@/lib/db/client";
import { customerAliases, mirrorCards, mirrorCustomers, mirrorGiftCardCustomers, mirrorGiftCards, mirrorOrderCustomers, mirrorOrders, mirrorPayments } from "@/lib/db/schema";
import { listCards } from "@/lib/square/cards";
import type { SquareClient } from "@/lib/square/client";
import { bulkRetrieveCustomers, searchCustomers } from "@/lib/square/customers";
import { listGiftCards } from "@/lib/square/gift-cards";
import { listLocations } from "@/lib/square/merchants";
import { searchOrders } from "@/lib/square/orders";
import { listPayments } from "@/lib/square/payments";
import type { CustomerRecord, SquarePage } from "@/lib/square/types";

async function all<T>(page: (cursor: string | null) => Promise<SquarePage<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const p = await page(cursor);
    items.push(...p.items);
    cursor = p.cursor;
  } while (cursor);
  return items;
}

/** Everything Square holds for the seller, fetched fresh through lib/square. */
export async function squareState(client: SquareClient) {
  const locations = (await listLocations(client)).map((l) => l.id);
  const [listed, cards, giftCards, orders, payments] = await Promise.all([
    all((cursor) => searchCustomers(client, { cursor })),
    all((cursor) => listCards(client, { cursor })),
    all((cursor) => listGiftCards(client, { cursor })),
    all((cursor) => searchOrders(client, { locationIds: locations, field: "CREATED_AT", startAt: "2009-01-01T00:00:00Z", cursor })),
    Promise.all(locations.map((locationId) => all((cursor) => listPayments(client, { locationId, beginTime: "2009-01-01T00:00:00Z", cursor })))).then((p) => p.flat()),
  ]);
  return { listed, cards, giftCards, orders, payments };
}

/**
 * Every difference between the mirror and Square, as readable lines ([] when the mirror is exact):
 * every object's raw JSON, live and deleted profiles, aliases, gift card links, and the attribution
 * the pure rules give on Square's own data.
 */
export async function mirrorDifferences(db: Db, client: SquareClient, merchantId: string): Promise<string[]> {
  const sq = await squareState(client);
  const diffs: string[] = [];
  const m = merchantId;
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

  const mirrorLive = byId(await db.select().from(mirrorCustomers).where(and(eq(mirrorCustomers.merchantId, m), isNull(mirrorCustomers.deletedAt))));
  const referenced = new Set<string>([
    ...sq.payments.map((p) => p.customerId),
    ...sq.orders.map((o) => o.customerId),
    ...sq.orders.flatMap((o) => o.tenders.map((t) => t.customerId)),
    ...sq.cards.map((c) => c.customerId),
    ...sq.giftCards.flatMap((g) => g.customerIds),
    ...mirrorLive.keys(),
  ].filter((id): id is string => !!id));
  const answers = new Map<string, CustomerRecord | null>();
  const ids = [...referenced];
  for (let i = 0; i < ids.length; i += 100) for (const [k, v] of await bulkRetrieveCustomers(client, ids.slice(i, i + 100))) answers.set(k, v);
  const live = new Map<string, CustomerRecord>(sq.listed.map((c) => [c.id, c]));
  for (const answer of answers.values()) if (answer) live.set(answer.id, answer);
  for (const [id, c] of live) {
    const row = mirrorLive.get(id);
    if (!row) diffs.push(`customer ${id} missing`);
    else if (JSON.stringify(sorted(row.raw)) !== JSON.stringify(sorted(c.raw))) diffs.push(`customer ${id} differs`);
  }
  for (const id of mirrorLive.keys()) if (!live.has(id)) diffs.push(`customer ${id} is live in the mirror but not at Square`);

  const aliases = new Map((await db.select().from(customerAliases).where(eq(customerAliases.merchantId, m))).map((a) => [a.oldCustomerId, a.survivingCustomerId]));
  for (const [asked, answer] of answers) if (answer && answer.id !== asked && aliases.get(asked) !== answer.id) diffs.push(`alias ${asked} → ${answer.id} missing`);

  const compareRaw = async (kind: string, square: { id: string; raw: unknown }[], mirror: { id: string; raw: unknown }[]) => {
    const rows = byId(mirror);
    for (const o of square) {
      const row = rows.get(o.id);
      if (!row) diffs.push(`${kind} ${o.id} missing`);
      else if (JSON.stringify(sorted(row.raw)) !== JSON.stringify(sorted(o.raw))) diffs.push(`${kind} ${o.id} differs`);
    }
    if (rows.size !== square.length) diffs.push(`${kind}: mirror has ${rows.size}, Square ${square.length}`);
  };
  await compareRaw("card", sq.cards, await db.select().from(mirrorCards).where(eq(mirrorCards.merchantId, m)));
  await compareRaw("gift card", sq.giftCards, await db.select().from(mirrorGiftCards).where(eq(mirrorGiftCards.merchantId, m)));
  await compareRaw("order", sq.orders, await db.select().from(mirrorOrders).where(eq(mirrorOrders.merchantId, m)));
  await compareRaw("payment", sq.payments, await db.select().from(mirrorPayments).where(eq(mirrorPayments.merchantId, m)));

  const links = (await db.select().from(mirrorGiftCardCustomers).where(eq(mirrorGiftCardCustomers.merchantId, m))).map((l) => `${l.giftCardId}:${l.customerId}`).sort();
  const squareLinks = sq.giftCards.flatMap((g) => g.customerIds.map((c) => `${g.id}:${c}`)).sort();
  if (JSON.stringify(links) !== JSON.stringify(squareLinks)) diffs.push("gift card links differ");

  // Attribution as the pure rules give it on Square's own data.
  const orders = byId(sq.orders);
  const payments = byId(sq.payments);
  const mirrorPaymentRows = byId(await db.select().from(mirrorPayments).where(eq(mirrorPayments.merchantId, m)));
  for (const p of sq.payments) {
    const expected = attributePayment(p, p.orderId ? orders.get(p.orderId) : undefined, aliases);
    const row = mirrorPaymentRows.get(p.id);
    if (row && (row.attributedCustomerId !== expected.customerId || row.attributionSource !== expected.source)) diffs.push(`payment ${p.id} attributed wrongly`);
  }
  const attributed = await db.execute(sql`SELECT order_id, customer_id, source FROM ${mirrorOrderCustomers} WHERE merchant_id = ${m}`);
  const actual = new Map<string, string[]>();
  for (const r of (attributed as unknown as { rows: { order_id: string; customer_id: string | null; source: string }[] }).rows)
    actual.set(r.order_id, [...(actual.get(r.order_id) ?? []), `${r.customer_id}/${r.source}`]);
  for (const o of sq.orders) {
    const facts = o.tenders.map((t) => ({ id: t.paymentId ?? "", customerId: (t.paymentId && payments.get(t.paymentId)?.customerId) || t.customerId }));
    const expected = attributeOrder(o, facts, aliases).map((a) => `${a.customerId}/${a.source}`).sort();
    if (JSON.stringify((actual.get(o.id) ?? []).sort()) !== JSON.stringify(expected)) diffs.push(`order ${o.id} attributed wrongly`);
  }
  return diffs;
}

/** JSON with object keys sorted, so key order never counts as a difference. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  return value;
}
