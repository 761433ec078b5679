import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/lib/db/queries/mirror-sql";
import type { Attribution } from "@/lib/crm/attribution";
import type { Payment } from "@/lib/square/types";
import { columnList, jsonRows, setExcluded, type RowColumn } from "./json-rows";
import { latestById, ms } from "./latest";
import type { Tx } from "./mirror-lock";

const COLUMNS: RowColumn[] = [
  ["id", "text"],
  ["order_id", "text"],
  ["location_id", "text"],
  ["customer_id", "text"],
  ["status", "text"],
  ["source_type", "text"],
  ["currency", "text"],
  ["amount", "bigint"],
  ["tip_amount", "bigint"],
  ["total_amount", "bigint"],
  ["refunded_amount", "bigint"],
  ["card_brand", "text"],
  ["last_4", "text"],
  ["card_fingerprint", "text"],
  ["buyer_email_address", "text"],
  ["receipt_number", "text"],
  ["version_token", "text"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
  ["raw", "jsonb"],
  ["fetched_at", "timestamptz"],
];
// Written on insert only; afterwards the attribution writer owns them.
const ATTRIBUTION: RowColumn[] = [
  ["attributed_customer_id", "text"],
  ["attribution_source", "text"],
  ["attributed_merged_from", "text"],
];
const EPOCH = sql.raw(`'epoch'::timestamptz`);

/**
 * Writes payments fetched at `fetchedAt`. Their version token is opaque, so (updated_at, fetch
 * time) orders them: an older state never replaces a newer one. A new payment is inserted with
 * its `initial` attribution; an existing one's is left to the attribution writer. Returns the ids written.
 */
export async function upsertPayments(tx: Tx, merchantId: string, payments: Payment[], fetchedAt: Date, initial = new Map<string, Attribution>()): Promise<string[]> {
  const rows = latestById(payments, (p) => [ms(p.updatedAt)]).map((p) => ({
    id: p.id,
    order_id: p.orderId,
    location_id: p.locationId,
    customer_id: p.customerId,
    status: p.status,
    source_type: p.sourceType,
    currency: p.total?.currency ?? p.amount?.currency ?? null,
    amount: p.amount?.amount ?? 0,
    tip_amount: p.tip?.amount ?? 0,
    total_amount: p.total?.amount ?? 0,
    refunded_amount: p.refunded?.amount ?? 0,
    card_brand: p.cardBrand,
    last_4: p.last4,
    card_fingerprint: p.cardFingerprint,
    buyer_email_address: p.buyerEmailAddress,
    receipt_number: p.receiptNumber,
    version_token: p.versionToken,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    raw: p.raw,
    fetched_at: fetchedAt,
    attributed_customer_id: initial.get(p.id)?.customerId ?? null,
    attribution_source: initial.get(p.id)?.source ?? "none",
    attributed_merged_from: initial.get(p.id)?.mergedFrom ?? null,
  }));
  if (!rows.length) return [];
  const result = await tx.execute(sql`
    INSERT INTO mirror_payments AS t (merchant_id, ${columnList([...COLUMNS, ...ATTRIBUTION])})
    SELECT ${merchantId}, ${columnList([...COLUMNS, ...ATTRIBUTION], "r.")} FROM ${jsonRows(rows, [...COLUMNS, ...ATTRIBUTION])}
    ON CONFLICT (merchant_id, id) DO UPDATE SET ${setExcluded(COLUMNS.slice(1))}
    WHERE (coalesce(t.updated_at, ${EPOCH}), t.fetched_at) <= (coalesce(excluded.updated_at, ${EPOCH}), excluded.fetched_at)
    RETURNING t.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
