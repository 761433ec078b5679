import type { Square, SquareClient } from "square";

/** Everything a generated seller holds, read back through the SDK the way Patron's mirror would. */
export interface SellerData {
  customers: Square.Customer[];
  cards: Square.Card[];
  giftCards: Square.GiftCard[];
  activities: Square.GiftCardActivity[];
  orders: Square.Order[];
  payments: Square.Payment[];
}

export async function readSeller(client: SquareClient, locationId: string): Promise<SellerData> {
  const all = async <T>(pager: Promise<AsyncIterable<T>>) => {
    const items: T[] = [];
    for await (const item of await pager) items.push(item);
    return items;
  };
  const longAgo = new Date(Date.now() - 5 * 365 * 24 * 3600 * 1000).toISOString();
  const [customers, cards, giftCards, activities, payments] = await Promise.all([
    all(client.customers.list({ limit: 100 })),
    all(client.cards.list({ includeDisabled: true })),
    all(client.giftCards.list({ limit: 200 })),
    all(client.giftCards.activities.list({ beginTime: longAgo, limit: 100 })),
    all(client.payments.list({ beginTime: longAgo, limit: 100 })),
  ]);
  return { customers, cards, giftCards, activities, orders: await searchAll(client, locationId), payments };
}

/** SearchOrders page by page (it has no pager in the SDK). */
export async function searchAll(client: SquareClient, locationId: string, filter: Square.SearchOrdersFilter = {}): Promise<Square.Order[]> {
  const orders: Square.Order[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.orders.search({ locationIds: [locationId], limit: 1000, cursor, query: { filter } });
    orders.push(...(page.orders ?? []));
    cursor = page.cursor;
  } while (cursor);
  return orders;
}

const amount = (m: Square.Money | undefined) => m?.amount ?? 0n;

/**
 * The money checks every generated order must pass: lines add up to the total, a completed order
 * is fully paid by captured tenders, and each tender is its payment (same id, order, amount, customer).
 */
export function moneyProblems(orders: Square.Order[], payments: Square.Payment[]): string[] {
  const byId = new Map(payments.map((p) => [p.id!, p]));
  const problems: string[] = [];
  for (const order of orders) {
    const lines = (order.lineItems ?? []).reduce((sum, l) => sum + amount(l.totalMoney), 0n);
    const tenders = order.tenders ?? [];
    const tips = tenders.reduce((sum, t) => sum + amount(t.tipMoney), 0n);
    if (lines + tips !== amount(order.totalMoney)) problems.push(`${order.id}: lines ${lines} + tips ${tips} ≠ total ${amount(order.totalMoney)}`);
    if (order.state !== "COMPLETED") problems.push(`${order.id}: ${order.state}`);
    if (amount(order.netAmountDueMoney) !== 0n) problems.push(`${order.id}: still due`);
    const paid = tenders.reduce((sum, t) => sum + amount(t.amountMoney), 0n);
    if (paid !== amount(order.totalMoney)) problems.push(`${order.id}: tenders ${paid} ≠ total`);
    for (const tender of tenders) {
      const payment = byId.get(tender.paymentId ?? "");
      if (!payment) problems.push(`${order.id}: tender ${tender.id} has no payment`);
      else if (payment.orderId !== order.id || payment.status !== "COMPLETED" || amount(payment.totalMoney) !== amount(tender.amountMoney))
        problems.push(`${order.id}: payment ${payment.id} does not match its tender`);
    }
  }
  return problems;
}
