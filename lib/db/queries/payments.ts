import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { channelOf, paymentConditions, type HistoryFilterParams } from "./history-filters";
import { isoOrNull, num, rowsOf } from "./mirror-sql";
import { decodeCursor, resolved } from "./orders";

export interface ListPaymentsParams extends HistoryFilterParams {
  statuses?: string[];
  cardBrands?: string[];
  /** Only payments attributed to this customer (any of their ids). */
  customerId?: string;
  /** Only this order's payments. */
  orderId?: string;
  /** Only this payment (a detail page). */
  paymentId?: string;
  /** Default 50, at most 200. */
  limit?: number;
  cursor?: string | null;
}

export interface PaymentSummary {
  id: string;
  createdAt: string | null;
  status: string | null;
  sourceType: string | null;
  cardBrand: string | null;
  last4: string | null;
  total: Money;
  tip: Money;
  refunded: Money;
  orderId: string | null;
  locationId: string | null;
  receiptNumber: string | null;
  receiptUrl: string | null;
  /** The channel of the payment's order (history-filters channelOf). */
  channel: string;
  /** Square named the customer after the sale: the payment has one, its tender on the order does not. */
  assignedLater: boolean;
  /** The payment's customer_id as Square recorded it. */
  recordedCustomerId: string | null;
  /** Who it is attributed to (lib/crm/attribution.ts), with display fields; customerId null = no customer. */
  customer: { customerId: string | null; givenName: string | null; familyName: string | null; emailAddress: string | null; deleted: boolean; source: string; mergedFrom: string | null };
}

export interface PaymentList {
  payments: PaymentSummary[];
  nextCursor: string | null;
}

/** Payments by date range, newest first, each with its attributed customer: one query. */
export async function listPayments(db: Db, params: ListPaymentsParams): Promise<PaymentList> {
  const m = params.merchantId;
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const [beforeAt, beforeId] = decodeCursor(params.cursor);
  const result = await db.execute(sql`
    SELECT p.id, p.created_at, p.status, p.source_type, p.card_brand, p.last_4, p.total_amount, p.tip_amount, p.refunded_amount, p.order_id,
      p.location_id, p.receipt_number, p.customer_id, p.attributed_customer_id, p.attribution_source, p.attributed_merged_from,
      coalesce(p.currency, (SELECT currency FROM sellers WHERE merchant_id = ${m})) AS currency,
      c.given_name, c.family_name, c.email_address, c.deleted_at, p.raw->>'receipt_url' AS receipt_url, ${channelOf("o", m)} AS channel,
      ${assignedLater(m)} AS assigned_later
    FROM mirror_payments p
    LEFT JOIN mirror_customers c ON c.merchant_id = p.merchant_id AND c.id = p.attributed_customer_id
    LEFT JOIN mirror_orders o ON o.merchant_id = p.merchant_id AND o.id = p.order_id
    WHERE p.merchant_id = ${m}
      ${paymentConditions(params)}
      ${params.customerId ? sql`AND p.attributed_customer_id = ${resolved(m, params.customerId)}` : sql``}
      ${params.orderId ? sql`AND p.order_id = ${params.orderId}` : sql``}
      ${params.paymentId ? sql`AND p.id = ${params.paymentId}` : sql``}
      ${beforeAt ? sql`AND (p.created_at, p.id) < (${beforeAt}::timestamptz, ${beforeId})` : sql``}
    -- Plain DESC walks the created_at index backwards (NULLS LAST would sort the whole range first).
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT ${limit + 1}`);
  const rows = rowsOf<Record<string, unknown>>(result);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { payments: page.map(toPayment), nextCursor: rows.length > limit && last ? `${isoOrNull(last.created_at)}|${last.id}` : null };
}

/** SQL: the payment (`p`) has a customer its tender on the order lacks, so Square assigned it after the sale. */
export const assignedLater = (m: string) =>
  sql`(p.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM mirror_order_tenders t WHERE t.merchant_id = ${m} AND t.payment_id = p.id AND t.customer_id IS NULL))`;

export function toPayment(r: Record<string, unknown>): PaymentSummary {
  const currency = String(r.currency ?? "USD");
  const money = (v: unknown): Money => ({ amount: num(v), currency });
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    createdAt: isoOrNull(r.created_at),
    status: s(r.status),
    sourceType: s(r.source_type),
    cardBrand: s(r.card_brand),
    last4: s(r.last_4),
    total: money(r.total_amount),
    tip: money(r.tip_amount),
    refunded: money(r.refunded_amount),
    orderId: s(r.order_id),
    locationId: s(r.location_id),
    receiptNumber: s(r.receipt_number),
    receiptUrl: s(r.receipt_url),
    channel: String(r.channel),
    assignedLater: r.assigned_later === true,
    recordedCustomerId: s(r.customer_id),
    customer: {
      customerId: s(r.attributed_customer_id),
      givenName: s(r.given_name),
      familyName: s(r.family_name),
      emailAddress: s(r.email_address),
      deleted: r.deleted_at !== null && r.deleted_at !== undefined,
      source: String(r.attribution_source ?? "none"),
      mergedFrom: s(r.attributed_merged_from),
    },
  };
}
