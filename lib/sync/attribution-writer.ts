import "server-only";
import { sql } from "drizzle-orm";
import { attributeOrder, attributePayment, type Attribution, type PaymentFacts } from "@/lib/crm/attribution";
import { isoOrNull, rowsOf, textArray } from "@/lib/db/queries/mirror-sql";
import type { Order, Payment } from "@/lib/square/types";
import { columnList, jsonRows, type RowColumn } from "./json-rows";
import type { Tx } from "./mirror-lock";

export interface Reattribute {
  paymentIds?: string[];
  orderIds?: string[];
  /** Surviving ids that were merged away: everything attributed to them is recomputed. */
  replacedCustomerIds?: string[];
}

interface PaymentRow {
  id: string;
  order_id: string | null;
  customer_id: string | null;
  attributed_customer_id: string | null;
  attribution_source: string;
  attributed_merged_from: string | null;
}

interface OrderRow {
  id: string;
  customer_id: string | null;
  created_at: unknown;
  state: string | null;
  total_amount: unknown;
}

/**
 * Recomputes the materialised attribution (lib/crm/attribution.ts, the only place the rules live)
 * for the payments and orders a write touched: a payment's own verdict depends on its order's
 * customer, an order's on its payments' customers (through its tenders), and both on aliases.
 * Returns every customer id whose attributed rows changed, before or after, the payments whose
 * verdict changed and the orders whose attribution was rewritten, for the aggregates.
 */
export async function reattribute(tx: Tx, merchantId: string, input: Reattribute): Promise<{ customers: Set<string>; paymentIds: string[]; orderIds: string[] }> {
  const paymentIds = new Set(input.paymentIds ?? []);
  const orderIds = new Set(input.orderIds ?? []);
  const m = merchantId;
  if (input.replacedCustomerIds?.length) {
    const replaced = textArray(input.replacedCustomerIds);
    for (const r of rowsOf<{ id: string }>(await tx.execute(sql`SELECT id FROM mirror_payments WHERE merchant_id = ${m} AND attributed_customer_id = ANY(${replaced})`))) paymentIds.add(r.id);
    for (const r of rowsOf<{ id: string }>(await tx.execute(sql`SELECT order_id AS id FROM mirror_order_customers WHERE merchant_id = ${m} AND customer_id = ANY(${replaced})`))) orderIds.add(r.id);
  }
  if (orderIds.size)
    for (const r of rowsOf<{ id: string }>(await tx.execute(sql`SELECT id FROM mirror_payments WHERE merchant_id = ${m} AND order_id = ANY(${textArray([...orderIds])})`))) paymentIds.add(r.id);
  if (!paymentIds.size && !orderIds.size) return { customers: new Set(), paymentIds: [], orderIds: [] };

  const payments = rowsOf<PaymentRow>(
    await tx.execute(sql`SELECT id, order_id, customer_id, attributed_customer_id, attribution_source, attributed_merged_from
      FROM mirror_payments WHERE merchant_id = ${m} AND id = ANY(${textArray([...paymentIds])})`),
  );
  for (const p of payments) if (p.order_id) orderIds.add(p.order_id);
  const orders = new Map(
    rowsOf<OrderRow>(
      await tx.execute(sql`SELECT id, customer_id, created_at, state, total_amount FROM mirror_orders WHERE merchant_id = ${m} AND id = ANY(${textArray([...orderIds])})`),
    ).map((o) => [o.id, o]),
  );
  const orderList = [...orders.keys()];
  const tenders = rowsOf<{ order_id: string; payment_id: string | null; customer_id: string | null; payment_customer_id: string | null }>(
    await tx.execute(sql`SELECT t.order_id, t.payment_id, t.customer_id, p.customer_id AS payment_customer_id
      FROM mirror_order_tenders t LEFT JOIN mirror_payments p ON p.merchant_id = t.merchant_id AND p.id = t.payment_id
      WHERE t.merchant_id = ${m} AND t.order_id = ANY(${textArray(orderList)})`),
  );
  // The orders' attribution rows are rewritten below; the customers they named are touched too.
  const previous = orderList.length
    ? rowsOf<{ customer_id: string | null }>(
        await tx.execute(sql`DELETE FROM mirror_order_customers WHERE merchant_id = ${m} AND order_id = ANY(${textArray(orderList)}) RETURNING customer_id`),
      )
    : [];

  const recorded = new Set<string>();
  for (const p of payments) if (p.customer_id) recorded.add(p.customer_id);
  for (const o of orders.values()) if (o.customer_id) recorded.add(o.customer_id);
  for (const t of tenders) for (const id of [t.customer_id, t.payment_customer_id]) if (id) recorded.add(id);
  const aliases = new Map(
    rowsOf<{ old_customer_id: string; surviving_customer_id: string }>(
      await tx.execute(sql`SELECT old_customer_id, surviving_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND old_customer_id = ANY(${textArray([...recorded])})`),
    ).map((a) => [a.old_customer_id, a.surviving_customer_id]),
  );

  const touched = new Set<string>();
  for (const r of previous) if (r.customer_id) touched.add(r.customer_id);
  const changed = await writePaymentAttributions(tx, m, payments, orders, aliases, touched);
  await writeOrderAttributions(tx, m, orders, tenders, aliases, touched);
  return { customers: touched, paymentIds: changed, orderIds: orderList };
}

async function writePaymentAttributions(tx: Tx, m: string, payments: PaymentRow[], orders: Map<string, OrderRow>, aliases: Map<string, string>, touched: Set<string>): Promise<string[]> {
  const changed: { id: string; a: Attribution }[] = [];
  for (const p of payments) {
    const order = p.order_id ? orders.get(p.order_id) : undefined;
    const a = attributePayment({ id: p.id, customerId: p.customer_id }, order && { customerId: order.customer_id }, aliases);
    if (p.attributed_customer_id) touched.add(p.attributed_customer_id);
    if (a.customerId) touched.add(a.customerId);
    if (a.customerId !== p.attributed_customer_id || a.source !== p.attribution_source || a.mergedFrom !== p.attributed_merged_from) changed.push({ id: p.id, a });
  }
  if (changed.length)
    await tx.execute(sql`UPDATE mirror_payments p SET attributed_customer_id = r.customer_id, attribution_source = r.source, attributed_merged_from = r.merged_from
      FROM ${jsonRows(changed.map((c) => ({ id: c.id, customer_id: c.a.customerId, source: c.a.source, merged_from: c.a.mergedFrom })), PAYMENT_ATTRIBUTION)}
      WHERE p.merchant_id = ${m} AND p.id = r.id`);
  return changed.map((c) => c.id);
}

async function writeOrderAttributions(
  tx: Tx,
  m: string,
  orders: Map<string, OrderRow>,
  tenders: { order_id: string; payment_id: string | null; customer_id: string | null; payment_customer_id: string | null }[],
  aliases: Map<string, string>,
  touched: Set<string>,
) {
  if (!orders.size) return;
  const byOrder = new Map<string, PaymentFacts[]>();
  for (const t of tenders) {
    const list = byOrder.get(t.order_id) ?? [];
    // The payment is the truth (Square assigns customers to payments later); the tender's copy is a fallback.
    list.push({ id: t.payment_id ?? "", customerId: t.payment_customer_id ?? t.customer_id });
    byOrder.set(t.order_id, list);
  }
  const rows: Record<string, unknown>[] = [];
  for (const o of orders.values()) {
    for (const a of attributeOrder({ customerId: o.customer_id }, byOrder.get(o.id) ?? [], aliases)) {
      if (a.customerId) touched.add(a.customerId);
      rows.push({
        order_id: o.id,
        customer_id: a.customerId,
        source: a.source,
        merged_from: a.mergedFrom,
        order_created_at: isoOrNull(o.created_at),
        order_state: o.state,
        order_total_amount: Number(o.total_amount ?? 0),
      });
    }
  }
  if (rows.length)
    await tx.execute(sql`INSERT INTO mirror_order_customers (merchant_id, ${columnList(ORDER_ATTRIBUTION)}) SELECT ${m}, ${columnList(ORDER_ATTRIBUTION, "r.")} FROM ${jsonRows(rows, ORDER_ATTRIBUTION)}`);
}

const PAYMENT_ATTRIBUTION: RowColumn[] = [
  ["id", "text"],
  ["customer_id", "text"],
  ["source", "text"],
  ["merged_from", "text"],
];
const ORDER_ATTRIBUTION: RowColumn[] = [
  ["order_id", "text"],
  ["customer_id", "text"],
  ["source", "text"],
  ["merged_from", "text"],
  ["order_created_at", "timestamptz"],
  ["order_state", "text"],
  ["order_total_amount", "bigint"],
];

/**
 * The attribution of payments about to be inserted, so a new payment is written once with its
 * verdict instead of inserted and then updated (half the work of a backfill's payments). The
 * reattribution pass that follows corrects anything this could not know yet.
 */
export async function initialPaymentAttributions(tx: Tx, merchantId: string, payments: Payment[], orders: Order[]): Promise<Map<string, Attribution>> {
  const orderCustomer = new Map(orders.map((o) => [o.id, o.customerId]));
  const missing = [...new Set(payments.map((p) => p.orderId).filter((id): id is string => !!id && !orderCustomer.has(id)))];
  if (missing.length)
    for (const o of rowsOf<{ id: string; customer_id: string | null }>(
      await tx.execute(sql`SELECT id, customer_id FROM mirror_orders WHERE merchant_id = ${merchantId} AND id = ANY(${textArray(missing)})`),
    ))
      orderCustomer.set(o.id, o.customer_id);
  const recorded = [...new Set([...payments.map((p) => p.customerId), ...orderCustomer.values()].filter((id): id is string => !!id))];
  const aliases = new Map(
    recorded.length
      ? rowsOf<{ old_customer_id: string; surviving_customer_id: string }>(
          await tx.execute(sql`SELECT old_customer_id, surviving_customer_id FROM customer_aliases WHERE merchant_id = ${merchantId} AND old_customer_id = ANY(${textArray(recorded)})`),
        ).map((a) => [a.old_customer_id, a.surviving_customer_id])
      : [],
  );
  return new Map(
    payments.map((p) => {
      const order = p.orderId && orderCustomer.has(p.orderId) ? { customerId: orderCustomer.get(p.orderId) } : undefined;
      return [p.id, attributePayment({ id: p.id, customerId: p.customerId }, order, aliases)];
    }),
  );
}
