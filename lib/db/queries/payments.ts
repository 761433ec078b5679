import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { isoOrNull, num, rowsOf, textArray } from "./mirror-sql";
import { decodeCursor, resolved } from "./orders";

export interface ListPaymentsParams {
  merchantId: string;
  /** created_at range: from inclusive, to exclusive (ISO). */
  from?: string;
  to?: string;
  statuses?: string[];
  /** Only payments attributed to this customer (any of their ids). */
  customerId?: string;
  /** Only payments with no customer anywhere. */
  withoutCustomer?: boolean;
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
      c.given_name, c.family_name, c.email_address, c.deleted_at
    FROM mirror_payments p
    LEFT JOIN mirror_customers c ON c.merchant_id = p.merchant_id AND c.id = p.attributed_customer_id
    WHERE p.merchant_id = ${m}
      ${params.from ? sql`AND p.created_at >= ${params.from}::timestamptz` : sql``}
      ${params.to ? sql`AND p.created_at < ${params.to}::timestamptz` : sql``}
      ${params.statuses?.length ? sql`AND p.status = ANY(${textArray(params.statuses)})` : sql``}
      ${params.customerId ? sql`AND p.attributed_customer_id = ${resolved(m, params.customerId)}` : sql``}
      ${params.withoutCustomer ? sql`AND p.attributed_customer_id IS NULL` : sql``}
      ${beforeAt ? sql`AND (p.created_at, p.id) < (${beforeAt}::timestamptz, ${beforeId})` : sql``}
    ORDER BY p.created_at DESC NULLS LAST, p.id DESC
    LIMIT ${limit + 1}`);
  const rows = rowsOf<Record<string, unknown>>(result);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { payments: page.map(toPayment), nextCursor: rows.length > limit && last ? `${isoOrNull(last.created_at)}|${last.id}` : null };
}

function toPayment(r: Record<string, unknown>): PaymentSummary {
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
