import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, textArray } from "@/lib/db/queries/mirror-sql";
import type { Order } from "@/lib/square/types";
import { columnList, jsonRows, setExcluded, type RowColumn } from "./json-rows";
import { latestById, ms } from "./latest";
import type { Tx } from "./mirror-lock";

const COLUMNS: RowColumn[] = [
  ["id", "text"],
  ["location_id", "text"],
  ["customer_id", "text"],
  ["state", "text"],
  ["source_name", "text"],
  ["reference_id", "text"],
  ["currency", "text"],
  ["total_amount", "bigint"],
  ["total_tax_amount", "bigint"],
  ["total_discount_amount", "bigint"],
  ["total_tip_amount", "bigint"],
  ["net_amount_due_amount", "bigint"],
  ["version", "bigint"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
  ["closed_at", "timestamptz"],
  ["raw", "jsonb"],
  ["fetched_at", "timestamptz"],
];
const LINE_ITEMS: RowColumn[] = [
  ["order_id", "text"],
  ["uid", "text"],
  ["position", "integer"],
  ["name", "text"],
  ["variation_name", "text"],
  ["item_type", "text"],
  ["quantity", "text"],
  ["base_price_amount", "bigint"],
  ["total_amount", "bigint"],
];
const TENDERS: RowColumn[] = [
  ["order_id", "text"],
  ["id", "text"],
  ["payment_id", "text"],
  ["type", "text"],
  ["customer_id", "text"],
  ["amount", "bigint"],
  ["tip_amount", "bigint"],
  ["card_brand", "text"],
  ["last_4", "text"],
  ["created_at", "timestamptz"],
];
const EPOCH = sql.raw(`'epoch'::timestamptz`);

/**
 * Writes orders (with their line items and tenders) fetched at `fetchedAt`, never over a newer
 * version; orders without one are ordered by `updated_at`. Returns the ids written.
 */
export async function upsertOrders(tx: Tx, merchantId: string, orders: Order[], fetchedAt: Date): Promise<string[]> {
  const latest = latestById(orders, (o) => [o.version ?? -1, ms(o.updatedAt)]);
  if (!latest.length) return [];
  const rows = latest.map((o) => ({
    id: o.id,
    location_id: o.locationId,
    customer_id: o.customerId,
    state: o.state,
    source_name: o.sourceName,
    reference_id: o.referenceId,
    currency: o.total?.currency ?? null,
    total_amount: o.total?.amount ?? 0,
    total_tax_amount: o.totalTax?.amount ?? 0,
    total_discount_amount: o.totalDiscount?.amount ?? 0,
    total_tip_amount: o.totalTip?.amount ?? 0,
    net_amount_due_amount: o.netAmountDue?.amount ?? 0,
    version: o.version,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    closed_at: o.closedAt,
    raw: o.raw,
    fetched_at: fetchedAt,
  }));
  // xmax = 0 marks a row this statement inserted: only updated orders have children to replace.
  const written = rowsOf<{ id: string; inserted: boolean }>(
    await tx.execute(sql`
      INSERT INTO mirror_orders AS t (merchant_id, ${columnList(COLUMNS)})
      SELECT ${merchantId}, ${columnList(COLUMNS, "r.")} FROM ${jsonRows(rows, COLUMNS)}
      ON CONFLICT (merchant_id, id) DO UPDATE SET ${setExcluded(COLUMNS.slice(1))}
      WHERE (coalesce(t.version, -1), coalesce(t.updated_at, ${EPOCH}), t.fetched_at)
        <= (coalesce(excluded.version, -1), coalesce(excluded.updated_at, ${EPOCH}), excluded.fetched_at)
      RETURNING t.id, (t.xmax = 0) AS inserted`),
  );
  const writtenIds = new Set(written.map((r) => r.id));
  const updated = written.filter((r) => !r.inserted).map((r) => r.id);
  if (written.length) await replaceChildren(tx, merchantId, latest.filter((o) => writtenIds.has(o.id)), updated);
  return written.map((r) => r.id);
}

async function replaceChildren(tx: Tx, merchantId: string, orders: Order[], updatedIds: string[]) {
  if (updatedIds.length) {
    const ids = textArray(updatedIds);
    await tx.execute(sql`DELETE FROM mirror_order_line_items WHERE merchant_id = ${merchantId} AND order_id = ANY(${ids})`);
    await tx.execute(sql`DELETE FROM mirror_order_tenders WHERE merchant_id = ${merchantId} AND order_id = ANY(${ids})`);
  }
  const lines = orders.flatMap((o) =>
    o.lineItems.map((l, position) => ({
      order_id: o.id,
      uid: l.uid,
      position,
      name: l.name,
      variation_name: l.variationName,
      item_type: l.itemType,
      quantity: l.quantity,
      base_price_amount: l.basePrice?.amount ?? null,
      total_amount: l.total?.amount ?? 0,
    })),
  );
  const tenders = orders.flatMap((o) =>
    o.tenders.map((t) => ({
      order_id: o.id,
      id: t.id,
      payment_id: t.paymentId,
      type: t.type,
      customer_id: t.customerId,
      amount: t.amount?.amount ?? 0,
      tip_amount: t.tip?.amount ?? 0,
      card_brand: t.cardBrand,
      last_4: t.last4,
      created_at: t.createdAt,
    })),
  );
  if (lines.length)
    await tx.execute(sql`INSERT INTO mirror_order_line_items (merchant_id, ${columnList(LINE_ITEMS)}) SELECT ${merchantId}, ${columnList(LINE_ITEMS, "r.")} FROM ${jsonRows(lines, LINE_ITEMS)}`);
  if (tenders.length)
    await tx.execute(sql`INSERT INTO mirror_order_tenders (merchant_id, ${columnList(TENDERS)}) SELECT ${merchantId}, ${columnList(TENDERS, "r.")} FROM ${jsonRows(tenders, TENDERS)}`);
}
