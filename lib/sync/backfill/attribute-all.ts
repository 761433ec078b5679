import "server-only";
import { sql } from "drizzle-orm";
import { attributeOrder, attributePayment, type PaymentFacts } from "@/lib/crm/attribution";
import type { Db } from "@/lib/db/client";
import { isoOrNull, rowsOf } from "@/lib/db/queries/mirror-sql";
import { columnList, jsonRows, type RowColumn } from "../json-rows";
import { inMirrorTransaction, type Tx } from "../mirror-lock";

/** Rows per write statement (a JSON parameter of a few megabytes). */
const WRITE_CHUNK = 10_000;

/**
 * A backfill writes its batches without attribution and attributes the whole mirror here, once,
 * after every stream and the referenced profiles are in, by the rules of lib/crm/attribution.ts.
 * Reading whole tables (hash joins) costs far less than looking up 100,000 orders' tenders and
 * payments by id, and nothing is computed twice. One transaction under the mirror lock, so a
 * webhook applied meanwhile waits and a failed run leaves the previous attribution in place.
 */
export async function attributeAll(db: Db, merchantId: string): Promise<void> {
  await inMirrorTransaction(db, merchantId, async (tx) => {
    const m = merchantId;
    const aliases = new Map(
      rowsOf<{ old_customer_id: string; surviving_customer_id: string }>(
        await tx.execute(sql`SELECT old_customer_id, surviving_customer_id FROM customer_aliases WHERE merchant_id = ${m}`),
      ).map((a) => [a.old_customer_id, a.surviving_customer_id]),
    );
    const orders = rowsOf<OrderRow>(await tx.execute(sql`SELECT id, customer_id, created_at, state, total_amount FROM mirror_orders WHERE merchant_id = ${m}`));
    const tenders = rowsOf<{ order_id: string; payment_id: string | null; customer_id: string | null; payment_customer_id: string | null }>(
      await tx.execute(sql`SELECT t.order_id, t.payment_id, t.customer_id, p.customer_id AS payment_customer_id
        FROM mirror_order_tenders t LEFT JOIN mirror_payments p ON p.merchant_id = t.merchant_id AND p.id = t.payment_id
        WHERE t.merchant_id = ${m}`),
    );
    const paid = new Map<string, PaymentFacts[]>();
    for (const t of tenders) {
      const list = paid.get(t.order_id) ?? [];
      // The payment is the truth (Square assigns customers to payments later); the tender's copy is a fallback.
      list.push({ id: t.payment_id ?? "", customerId: t.payment_customer_id ?? t.customer_id });
      paid.set(t.order_id, list);
    }
    const orderRows = orders.flatMap((o) =>
      attributeOrder({ customerId: o.customer_id }, paid.get(o.id) ?? [], aliases).map((a) => ({
        order_id: o.id,
        customer_id: a.customerId,
        source: a.source,
        merged_from: a.mergedFrom,
        order_created_at: isoOrNull(o.created_at),
        order_state: o.state,
        order_total_amount: Number(o.total_amount ?? 0),
      })),
    );
    await tx.execute(sql`DELETE FROM mirror_order_customers WHERE merchant_id = ${m}`);
    for (let i = 0; i < orderRows.length; i += WRITE_CHUNK)
      await tx.execute(
        sql`INSERT INTO mirror_order_customers (merchant_id, ${columnList(ORDER_ATTRIBUTION)}) SELECT ${m}, ${columnList(ORDER_ATTRIBUTION, "r.")} FROM ${jsonRows(orderRows.slice(i, i + WRITE_CHUNK), ORDER_ATTRIBUTION)}`,
      );
    await attributePayments(tx, m, new Map(orders.map((o) => [o.id, o.customer_id])), aliases);
  });
}

interface OrderRow {
  id: string;
  customer_id: string | null;
  created_at: unknown;
  state: string | null;
  total_amount: unknown;
}

/** Each payment's verdict, written only where it differs from the one stored when it was inserted. */
async function attributePayments(tx: Tx, m: string, orderCustomer: Map<string, string | null>, aliases: Map<string, string>) {
  const payments = rowsOf<{ id: string; order_id: string | null; customer_id: string | null; attributed_customer_id: string | null; attribution_source: string; attributed_merged_from: string | null }>(
    await tx.execute(sql`SELECT id, order_id, customer_id, attributed_customer_id, attribution_source, attributed_merged_from FROM mirror_payments WHERE merchant_id = ${m}`),
  );
  const changed: Record<string, unknown>[] = [];
  for (const p of payments) {
    const order = p.order_id && orderCustomer.has(p.order_id) ? { customerId: orderCustomer.get(p.order_id) } : undefined;
    const a = attributePayment({ id: p.id, customerId: p.customer_id }, order, aliases);
    if (a.customerId !== p.attributed_customer_id || a.source !== p.attribution_source || a.mergedFrom !== p.attributed_merged_from)
      changed.push({ id: p.id, customer_id: a.customerId, source: a.source, merged_from: a.mergedFrom });
  }
  for (let i = 0; i < changed.length; i += WRITE_CHUNK)
    await tx.execute(sql`UPDATE mirror_payments p SET attributed_customer_id = r.customer_id, attribution_source = r.source, attributed_merged_from = r.merged_from
      FROM ${jsonRows(changed.slice(i, i + WRITE_CHUNK), PAYMENT_ATTRIBUTION)} WHERE p.merchant_id = ${m} AND p.id = r.id`);
}

const ORDER_ATTRIBUTION: RowColumn[] = [
  ["order_id", "text"],
  ["customer_id", "text"],
  ["source", "text"],
  ["merged_from", "text"],
  ["order_created_at", "timestamptz"],
  ["order_state", "text"],
  ["order_total_amount", "bigint"],
];
const PAYMENT_ATTRIBUTION: RowColumn[] = [
  ["id", "text"],
  ["customer_id", "text"],
  ["source", "text"],
  ["merged_from", "text"],
];
