import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { customerAliases, mirrorCustomers, mirrorPayments } from "@/lib/db/schema";
import { listCards } from "@/lib/square/cards";
import type { SquareClient } from "@/lib/square/client";
import { listGiftCards } from "@/lib/square/gift-cards";
import { listLocations } from "@/lib/square/merchants";
import { searchOrders } from "@/lib/square/orders";
import { getPayment } from "@/lib/square/payments";
import type { Card, GiftCard, Order, Payment, SquarePage } from "@/lib/square/types";
import { applyToMirror } from "./apply";
import type { SyncDeps } from "./deps";
import { resolveCustomersAtSquare } from "./discover-customers";
import { FAR_PAST } from "./backfill/probe";
import { chunk, runPool } from "./pool";

export interface RefreshCustomerResult {
  /** The surviving profile's id (the one asked for may have been merged), or null when Square deleted it. */
  customerId: string | null;
  cards: number;
  giftCards: number;
  orders: number;
  payments: number;
}

const RECENT = 20;

/**
 * Brings one customer up to date from Square right now, for their page: the profile itself (a merge
 * or deletion is noticed), their cards and gift cards, their most recent orders, and the payments of
 * those orders plus the latest payments attributed to them (which can name them when no order does).
 */
export async function refreshCustomerLive(deps: Pick<SyncDeps, "db" | "square">, merchantId: string, customerId: string): Promise<RefreshCustomerResult> {
  const client = await deps.square(merchantId);
  await resolveCustomersAtSquare(deps.db, client, merchantId, [customerId], { parallelism: 1 });
  const group = await profileGroup(deps, merchantId, customerId);
  const survivor = group.survivor;
  const [profile] = await deps.db
    .select({ deletedAt: mirrorCustomers.deletedAt })
    .from(mirrorCustomers)
    .where(and(eq(mirrorCustomers.merchantId, merchantId), eq(mirrorCustomers.id, survivor)));
  if (!profile || profile.deletedAt) return { customerId: null, cards: 0, giftCards: 0, orders: 0, payments: 0 };

  const fetchedAt = new Date();
  const locationIds = (await listLocations(client)).map((l) => l.id);
  const [cards, giftCards, orders] = await Promise.all([
    all((cursor) => listCards(client, { cursor, customerId: survivor })),
    Promise.all(group.ids.map((id) => all((cursor) => listGiftCards(client, { cursor, customerId: id })))).then((lists) => lists.flat()),
    recentOrders(client, locationIds, group.ids),
  ]);
  const attributed = await deps.db
    .select({ id: mirrorPayments.id })
    .from(mirrorPayments)
    .where(and(eq(mirrorPayments.merchantId, merchantId), eq(mirrorPayments.attributedCustomerId, survivor)))
    .orderBy(desc(mirrorPayments.createdAt))
    .limit(RECENT);
  const paymentIds = [...new Set([...orders.flatMap((o) => o.tenders.map((t) => t.paymentId)), ...attributed.map((p) => p.id)])].filter((id): id is string => !!id);
  const payments: Payment[] = [];
  await runPool(paymentIds, 4, async (id) => {
    const payment = await getPayment(client, id);
    if (payment) payments.push(payment);
  });
  await applyToMirror(deps.db, merchantId, { fetchedAt, cards, giftCards, orders, payments });
  return { customerId: survivor, cards: cards.length, giftCards: new Set(giftCards.map((g) => g.id)).size, orders: orders.length, payments: payments.length };
}

/** The surviving id and every id merged into it (Square's order filters need the old ones). */
async function profileGroup(deps: Pick<SyncDeps, "db">, merchantId: string, customerId: string) {
  const [alias] = await deps.db
    .select({ survivor: customerAliases.survivingCustomerId })
    .from(customerAliases)
    .where(and(eq(customerAliases.merchantId, merchantId), eq(customerAliases.oldCustomerId, customerId)));
  const survivor = alias?.survivor ?? customerId;
  const olds = await deps.db
    .select({ id: customerAliases.oldCustomerId })
    .from(customerAliases)
    .where(and(eq(customerAliases.merchantId, merchantId), eq(customerAliases.survivingCustomerId, survivor)));
  return { survivor, ids: [survivor, ...olds.map((o) => o.id)] };
}

/** The newest orders naming any of the ids (SearchOrders' customer filter takes 10 ids, 10 locations). */
async function recentOrders(client: SquareClient, locationIds: string[], ids: string[]): Promise<Order[]> {
  const pages = await Promise.all(
    chunk(locationIds, 10).flatMap((locations) =>
      chunk(ids, 10).map((customerIds) => searchOrders(client, { locationIds: locations, customerIds, field: "CREATED_AT", startAt: FAR_PAST, sortOrder: "DESC", limit: RECENT })),
    ),
  );
  return pages
    .flatMap((p) => p.items)
    .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""))
    .slice(0, RECENT);
}

async function all<T extends Card | GiftCard>(page: (cursor: string | null) => Promise<SquarePage<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const p: SquarePage<T> = await page(cursor);
    items.push(...p.items);
    cursor = p.cursor;
  } while (cursor);
  return items;
}
