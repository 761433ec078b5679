import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../open";
import { countOrders, countPayments } from "./history-counts";
import { channelOf, orderConditions, paymentConditions, type HistoryFilterParams } from "./history-filters";
import { isoOrNull, num, rowsOf } from "./mirror-sql";
import { assignedLater, toPayment, type PaymentSummary } from "./payments";

/**
 * The rows of a CSV export, read in keyset-paginated batches (oldest first) so an export of any size
 * holds one batch in memory, and each batch is a short query that lets other requests in between
 * (PGlite has one connection: a long-lived cursor would hold it for the whole download).
 */
export const EXPORT_BATCH_SIZE = 1000;

export type PaymentExportParams = HistoryFilterParams & { from: string; to: string; statuses?: string[]; cardBrands?: string[] };
export type OrderExportParams = HistoryFilterParams & { from: string; to: string; states?: string[] };

export interface OrderExportRow {
  id: string;
  createdAt: string | null;
  state: string | null;
  locationId: string | null;
  channel: string;
  total: number;
  tip: number;
  currency: string;
  /** One entry per attributed customer (customerId null: no customer). */
  customers: { customerId: string | null; name: string | null; email: string | null; source: string; mergedFrom: string | null }[];
  paymentIds: string[];
}

/**
 * Keyset walk: yields mapped batches until a short one. The position is the last row's created_at
 * as PostgreSQL's own text (microseconds kept: a JS Date would round them and repeat or skip rows).
 */
async function* keyset<T>(fetch: (after: [string, string] | null) => Promise<Record<string, unknown>[]>, map: (r: Record<string, unknown>) => T, batchSize: number) {
  let after: [string, string] | null = null;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length) yield rows.map(map);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    after = [String(last.cursor_at), String(last.id)];
  }
}

const afterClause = (alias: string, after: [string, string] | null): SQL =>
  after ? sql`AND (${sql.raw(alias)}.created_at, ${sql.raw(alias)}.id) > (${after[0]}::timestamptz, ${after[1]})` : sql``;

/** Payments with their attributed customers, oldest first, in batches. */
export function paymentExportBatches(db: Db, params: PaymentExportParams, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<PaymentSummary[]> {
  const m = params.merchantId;
  return keyset(async (after) => {
    const result = await db.execute(sql`
      SELECT p.id, p.created_at, p.created_at::text AS cursor_at, p.status, p.source_type, p.card_brand, p.last_4, p.total_amount, p.tip_amount, p.refunded_amount, p.order_id,
        p.location_id, p.receipt_number, p.customer_id, p.attributed_customer_id, p.attribution_source, p.attributed_merged_from,
        coalesce(p.currency, (SELECT currency FROM sellers WHERE merchant_id = ${m})) AS currency,
        c.given_name, c.family_name, c.email_address, c.deleted_at, p.raw->>'receipt_url' AS receipt_url, ${channelOf("o", m)} AS channel,
        ${assignedLater(m)} AS assigned_later
      FROM mirror_payments p
      LEFT JOIN mirror_customers c ON c.merchant_id = p.merchant_id AND c.id = p.attributed_customer_id
      LEFT JOIN mirror_orders o ON o.merchant_id = p.merchant_id AND o.id = p.order_id
      WHERE p.merchant_id = ${m} ${paymentConditions(params)} ${afterClause("p", after)}
      ORDER BY p.created_at, p.id
      LIMIT ${batchSize}`);
    return rowsOf<Record<string, unknown>>(result);
  }, toPayment, batchSize);
}

/** Orders with their attributed customers, oldest first, in batches. */
export function orderExportBatches(db: Db, params: OrderExportParams, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<OrderExportRow[]> {
  const m = params.merchantId;
  return keyset(async (after) => {
    const result = await db.execute(sql`
      SELECT o.id, o.created_at, o.created_at::text AS cursor_at, o.state, o.location_id, ${channelOf("o", m)} AS channel, o.total_amount, o.total_tip_amount,
        coalesce(o.currency, (SELECT currency FROM sellers WHERE merchant_id = ${m})) AS currency,
        (SELECT coalesce(json_agg(json_build_object('customerId', oc.customer_id, 'name', nullif(concat_ws(' ', c.given_name, c.family_name), ''),
            'email', c.email_address, 'source', oc.source, 'mergedFrom', oc.merged_from) ORDER BY oc.id), '[]'::json)
          FROM mirror_order_customers oc LEFT JOIN mirror_customers c ON c.merchant_id = oc.merchant_id AND c.id = oc.customer_id
          WHERE oc.merchant_id = ${m} AND oc.order_id = o.id) AS customers,
        (SELECT coalesce(json_agg(t.payment_id ORDER BY t.created_at, t.id), '[]'::json) FROM mirror_order_tenders t WHERE t.merchant_id = ${m} AND t.order_id = o.id) AS payment_ids
      FROM mirror_orders o
      WHERE o.merchant_id = ${m} ${orderConditions(params)} ${afterClause("o", after)}
      ORDER BY o.created_at, o.id
      LIMIT ${batchSize}`);
    return rowsOf<Record<string, unknown>>(result);
  }, (r): OrderExportRow => ({
      id: String(r.id),
      createdAt: isoOrNull(r.created_at),
      state: (r.state as string) ?? null,
      locationId: (r.location_id as string) ?? null,
      channel: String(r.channel),
      total: num(r.total_amount),
      tip: num(r.total_tip_amount),
      currency: String(r.currency ?? "USD"),
      customers: json<OrderExportRow["customers"]>(r.customers),
      paymentIds: json<(string | null)[]>(r.payment_ids).filter((id): id is string => !!id),
    }), batchSize);
}

/** How many rows an export will have (the download's progress bar, the page's total), with the same filters. */
export function countExportRows(db: Db, kind: "orders" | "payments", params: PaymentExportParams | OrderExportParams): Promise<number> {
  return kind === "orders" ? countOrders(db, params) : countPayments(db, params);
}

const json = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
