import type { Square, SquareClient } from "square";

/** What the walk fetched, tender by tender, for a summarizer to turn into the page's answer. */
export interface WalkedTender {
  orderId: string;
  payment: Square.Payment;
  customer: Square.Customer | null;
}

export interface LiveWalk {
  orders: number;
  totalTenders: number;
  /** Tenders actually followed (fewer than totalTenders when stopped early). */
  walkedTenders: number;
  tenders: WalkedTender[];
  searchCalls: number;
  tenderCalls: number;
  searchMs: number;
  tenderMs: number;
}

/**
 * The page answered live, the way Square's guides describe it step by step: SearchOrders (every
 * page, 1,000 orders each, the most Square allows), then for each order's tenders one GetPayment,
 * then one RetrieveCustomer per payment that names a customer — sequentially, each call waiting for
 * the one before, as the guide's code does. With `maxTenders` it stops following tenders after that
 * many (the orders are still all listed, so the total is known and the rest can be extrapolated).
 */
export async function walkLive(square: SquareClient, search: Omit<Square.SearchOrdersRequest, "cursor" | "limit">, maxTenders?: number): Promise<LiveWalk> {
  const orders: Square.Order[] = [];
  let searchCalls = 0;
  let started = performance.now();
  let cursor: string | undefined;
  do {
    const page = await square.orders.search({ ...search, limit: 1000, cursor });
    searchCalls++;
    orders.push(...(page.orders ?? []));
    cursor = page.cursor;
  } while (cursor);
  const searchMs = performance.now() - started;

  const pending = orders.flatMap((o) => (o.tenders ?? []).map((t) => ({ orderId: o.id!, paymentId: t.paymentId ?? t.id! })));
  const limit = maxTenders && maxTenders < pending.length ? maxTenders : pending.length;
  const tenders: WalkedTender[] = [];
  let tenderCalls = 0;
  started = performance.now();
  for (const { orderId, paymentId } of pending.slice(0, limit)) {
    const { payment } = await square.payments.get({ paymentId });
    tenderCalls++;
    let customer: Square.Customer | null = null;
    if (payment?.customerId) {
      customer = (await square.customers.get({ customerId: payment.customerId })).customer ?? null;
      tenderCalls++;
    }
    if (payment) tenders.push({ orderId, payment, customer });
  }
  return { orders: orders.length, totalTenders: pending.length, walkedTenders: limit, tenders, searchCalls, tenderCalls, searchMs, tenderMs: performance.now() - started };
}

export interface BaselineTiming {
  ms: number;
  squareCalls: number;
  extrapolated: boolean;
  /** When extrapolated: the tenders timed, out of all. */
  sampledTenders: number;
  totalTenders: number;
}

/** The walk's time and calls; a partial walk's tender phase scaled linearly to every tender. */
export function baselineTiming(w: LiveWalk): BaselineTiming {
  const scale = w.walkedTenders ? w.totalTenders / w.walkedTenders : 1;
  return {
    ms: w.searchMs + w.tenderMs * scale,
    squareCalls: Math.round(w.searchCalls + w.tenderCalls * scale),
    extrapolated: w.walkedTenders < w.totalTenders,
    sampledTenders: w.walkedTenders,
    totalTenders: w.totalTenders,
  };
}
