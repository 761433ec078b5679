import { survivingId, type AliasMap } from "./aliases";

/**
 * Who a sale belongs to. Square's own guide warns that `Order.customer_id` is often empty (Square
 * Online, payment links) while the payment carries the buyer, sometimes attached later, and that
 * merged profiles leave old ids behind. So: a payment belongs to its own customer; an order belongs
 * to the customers of its payments, and only when none has one, to the order's customer; every id
 * is mapped to the surviving profile; a sale with no customer anywhere stays, as "no customer".
 */
export type AttributionSource = "payment" | "order" | "none";

export interface Attribution {
  /** The surviving profile's id, or null for a sale with no customer. */
  customerId: string | null;
  source: AttributionSource;
  /** The id as Square recorded it, when a merge has since replaced it. */
  mergedFrom: string | null;
}

export interface PaymentFacts {
  id: string;
  customerId?: string | null;
}

export interface OrderFacts {
  customerId?: string | null;
}

export const NO_CUSTOMER: Attribution = { customerId: null, source: "none", mergedFrom: null };

function attributeTo(recordedId: string, source: AttributionSource, aliases: AliasMap): Attribution {
  const customerId = survivingId(aliases, recordedId);
  return { customerId, source, mergedFrom: customerId === recordedId ? null : recordedId };
}

/** A payment's customer: its own, else (rarely) its order's, else none. */
export function attributePayment(payment: PaymentFacts, order: OrderFacts | undefined, aliases: AliasMap): Attribution {
  if (payment.customerId) return attributeTo(payment.customerId, "payment", aliases);
  if (order?.customerId) return attributeTo(order.customerId, "order", aliases);
  return NO_CUSTOMER;
}

/**
 * An order's customers: one entry per distinct surviving profile among its payments; the order's
 * own `customer_id` only when no payment names anyone; `[NO_CUSTOMER]` when nobody is known.
 */
export function attributeOrder(order: OrderFacts, payments: PaymentFacts[], aliases: AliasMap): Attribution[] {
  const byCustomer = new Map<string, Attribution>();
  for (const payment of payments) {
    if (!payment.customerId) continue;
    const attribution = attributeTo(payment.customerId, "payment", aliases);
    if (!byCustomer.has(attribution.customerId!)) byCustomer.set(attribution.customerId!, attribution);
  }
  if (byCustomer.size) return [...byCustomer.values()];
  if (order.customerId) return [attributeTo(order.customerId, "order", aliases)];
  return [NO_CUSTOMER];
}
