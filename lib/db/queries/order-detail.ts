import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { channelOf } from "./history-filters";
import { isoOrNull, num, rowsOf } from "./mirror-sql";
import { parseJson, type AttributedCustomer } from "./orders";
import { listPayments, type PaymentSummary } from "./payments";

export interface OrderLine {
  uid: string;
  name: string | null;
  variationName: string | null;
  /** Square's decimal string ("1.5"). */
  quantity: string;
  basePrice: Money | null;
  total: Money;
}

export interface OrderTender {
  id: string;
  paymentId: string | null;
  type: string;
  amount: Money;
  tip: Money;
  cardBrand: string | null;
  last4: string | null;
  /** The customer id the tender carries as Square recorded it (often none). */
  recordedCustomerId: string | null;
}

export interface OrderDetail {
  id: string;
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  state: string | null;
  locationId: string | null;
  locationName: string | null;
  /** The location's zone, for showing times as the shop reads them. */
  timezone: string | null;
  channel: string;
  referenceId: string | null;
  /** The Patron checkout link this order came through, when it did. */
  checkoutLinkId: string | null;
  total: Money;
  tax: Money;
  discount: Money;
  tip: Money;
  netAmountDue: Money;
  /** The order's own customer_id (often empty: attribution reads the payments first). */
  recordedCustomerId: string | null;
  customers: AttributedCustomer[];
  lineItems: OrderLine[];
  tenders: OrderTender[];
  /** Each payment with its own attributed customer, oldest first. */
  payments: PaymentSummary[];
}

/** One order of this seller with everything its detail page shows, or null (another seller's id too). */
export async function getOrderDetail(db: Db, { merchantId: m, orderId }: { merchantId: string; orderId: string }): Promise<OrderDetail | null> {
  const [r] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT o.*, ${channelOf("o", m)} AS channel, o.raw->'metadata'->>'patron_checkout_link' AS checkout_link_id,
        coalesce(o.currency, (SELECT currency FROM sellers WHERE merchant_id = ${m})) AS money_currency, l.name AS location_name, l.timezone,
        (SELECT coalesce(json_agg(json_build_object('uid', li.uid, 'name', li.name, 'variationName', li.variation_name, 'quantity', li.quantity,
            'basePrice', li.base_price_amount, 'total', li.total_amount) ORDER BY li.position), '[]'::json)
          FROM mirror_order_line_items li WHERE li.merchant_id = ${m} AND li.order_id = o.id) AS line_items,
        (SELECT coalesce(json_agg(json_build_object('id', t.id, 'paymentId', t.payment_id, 'type', t.type, 'amount', t.amount, 'tip', t.tip_amount,
            'cardBrand', t.card_brand, 'last4', t.last_4, 'customerId', t.customer_id) ORDER BY t.created_at, t.id), '[]'::json)
          FROM mirror_order_tenders t WHERE t.merchant_id = ${m} AND t.order_id = o.id) AS tenders,
        (SELECT coalesce(json_agg(json_build_object('customerId', oc.customer_id, 'givenName', c.given_name, 'familyName', c.family_name,
            'emailAddress', c.email_address, 'deleted', c.deleted_at IS NOT NULL, 'source', oc.source, 'mergedFrom', oc.merged_from,
            'assignedLater', oc.source = 'payment' AND NOT EXISTS (SELECT 1 FROM mirror_order_tenders t
              WHERE t.merchant_id = ${m} AND t.order_id = o.id
                -- A lookup per tender: joined, the planner hashed every alias for each order.
                AND coalesce((SELECT a.surviving_customer_id FROM customer_aliases a WHERE a.merchant_id = t.merchant_id AND a.old_customer_id = t.customer_id), t.customer_id) = oc.customer_id)) ORDER BY oc.id), '[]'::json)
          FROM mirror_order_customers oc LEFT JOIN mirror_customers c ON c.merchant_id = oc.merchant_id AND c.id = oc.customer_id
          WHERE oc.merchant_id = ${m} AND oc.order_id = o.id) AS customers
      FROM mirror_orders o
      LEFT JOIN mirror_locations l ON l.merchant_id = o.merchant_id AND l.id = o.location_id
      WHERE o.merchant_id = ${m} AND o.id = ${orderId}`),
  );
  if (!r) return null;
  const currency = String(r.money_currency ?? "USD");
  const money = (v: unknown): Money => ({ amount: num(v), currency });
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const { payments } = await listPayments(db, { merchantId: m, orderId, limit: 200 });
  return {
    id: String(r.id),
    createdAt: isoOrNull(r.created_at),
    updatedAt: isoOrNull(r.updated_at),
    closedAt: isoOrNull(r.closed_at),
    state: str(r.state),
    locationId: str(r.location_id),
    locationName: str(r.location_name),
    timezone: str(r.timezone),
    channel: String(r.channel),
    referenceId: str(r.reference_id),
    checkoutLinkId: str(r.checkout_link_id),
    total: money(r.total_amount),
    tax: money(r.total_tax_amount),
    discount: money(r.total_discount_amount),
    tip: money(r.total_tip_amount),
    netAmountDue: money(r.net_amount_due_amount),
    recordedCustomerId: str(r.customer_id),
    customers: parseJson<AttributedCustomer[]>(r.customers),
    lineItems: parseJson<Record<string, unknown>[]>(r.line_items).map((li) => ({
      uid: String(li.uid),
      name: str(li.name),
      variationName: str(li.variationName),
      quantity: String(li.quantity),
      basePrice: li.basePrice === null || li.basePrice === undefined ? null : money(li.basePrice),
      total: money(li.total),
    })),
    tenders: parseJson<Record<string, unknown>[]>(r.tenders).map((t) => ({
      id: String(t.id),
      paymentId: str(t.paymentId),
      type: String(t.type),
      amount: money(t.amount),
      tip: money(t.tip),
      cardBrand: str(t.cardBrand),
      last4: str(t.last4),
      recordedCustomerId: str(t.customerId),
    })),
    payments: payments.reverse(),
  };
}
