import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { isoOrNull, num, rowsOf } from "./mirror-sql";
import { decodeCursor, parseJson } from "./orders";

export interface CustomerHistoryParams {
  merchantId: string;
  /** Any of the customer's ids: a merged-away id finds the surviving profile's history. */
  customerId: string;
  /** Default 20, at most 100. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

export interface HistoryPayment {
  id: string;
  status: string | null;
  sourceType: string | null;
  total: Money;
  cardBrand: string | null;
  last4: string | null;
  /** The customer id Square recorded on the payment (may be an old, merged id, or none). */
  customerId: string | null;
  createdAt: string | null;
}

export interface HistoryEntry {
  orderId: string;
  createdAt: string | null;
  state: string | null;
  locationId: string | null;
  total: Money;
  /** "3 × Latte, 1 × Scone". */
  items: string;
  /** How the order came to be this customer's: through a payment, the order itself, and from which old id. */
  attribution: { source: string; mergedFrom: string | null };
  payments: HistoryPayment[];
}

export interface CustomerHistory {
  /** The surviving profile's id. */
  customerId: string;
  entries: HistoryEntry[];
  nextCursor: string | null;
}

/**
 * A customer's sales, newest first, across every profile merged into them (the attribution is
 * materialised per surviving customer, so this is one index range scan), with each order's
 * payments and items. Keyset-paginated: pass `nextCursor` back for the next page.
 */
export async function getCustomerHistory(db: Db, params: CustomerHistoryParams): Promise<CustomerHistory> {
  const m = params.merchantId;
  const limit = Math.min(Math.max(params.limit ?? 20, 1), 100);
  const [beforeAt, beforeId] = decodeCursor(params.cursor);
  const result = await db.execute(sql`
    WITH target AS (
      SELECT coalesce((SELECT surviving_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND old_customer_id = ${params.customerId}), ${params.customerId}) AS id
    )
    SELECT (SELECT id FROM target) AS target_id, oc.order_id, oc.order_created_at, oc.order_state, oc.order_total_amount, oc.source, oc.merged_from,
      o.location_id, coalesce(o.currency, (SELECT currency FROM sellers WHERE merchant_id = ${m})) AS currency,
      (SELECT string_agg(li.quantity || ' × ' || coalesce(li.name, 'Item'), ', ' ORDER BY li.position)
        FROM mirror_order_line_items li WHERE li.merchant_id = ${m} AND li.order_id = oc.order_id) AS items,
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'status', p.status, 'sourceType', p.source_type, 'total', p.total_amount,
          'currency', p.currency, 'cardBrand', p.card_brand, 'last4', p.last_4, 'customerId', p.customer_id, 'createdAt', p.created_at) ORDER BY p.created_at), '[]'::json)
        FROM mirror_payments p WHERE p.merchant_id = ${m} AND p.order_id = oc.order_id) AS payments
    FROM mirror_order_customers oc
    LEFT JOIN mirror_orders o ON o.merchant_id = oc.merchant_id AND o.id = oc.order_id
    WHERE oc.merchant_id = ${m} AND oc.customer_id = (SELECT id FROM target)
      ${beforeAt ? sql`AND (oc.order_created_at, oc.order_id) < (${beforeAt}::timestamptz, ${beforeId})` : sql``}
    -- Plain DESC walks the (customer, order_created_at) index backwards; NULLS LAST would sort first.
    ORDER BY oc.order_created_at DESC, oc.order_id DESC
    LIMIT ${limit + 1}`);
  const rows = rowsOf<Record<string, unknown>>(result);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    customerId: rows.length ? String(rows[0].target_id) : await resolveId(db, m, params.customerId),
    entries: page.map(toEntry),
    nextCursor: rows.length > limit && last ? `${isoOrNull(last.order_created_at)}|${last.order_id}` : null,
  };
}

function toEntry(r: Record<string, unknown>): HistoryEntry {
  const currency = String(r.currency ?? "USD");
  const payments = parseJson<Record<string, unknown>[]>(r.payments);
  return {
    orderId: String(r.order_id),
    createdAt: isoOrNull(r.order_created_at),
    state: (r.order_state as string) ?? null,
    locationId: (r.location_id as string) ?? null,
    total: { amount: num(r.order_total_amount), currency },
    items: (r.items as string) ?? "",
    attribution: { source: String(r.source), mergedFrom: (r.merged_from as string) ?? null },
    payments: payments.map((p) => ({
      id: String(p.id),
      status: (p.status as string) ?? null,
      sourceType: (p.sourceType as string) ?? null,
      total: { amount: num(p.total), currency: (p.currency as string) ?? currency },
      cardBrand: (p.cardBrand as string) ?? null,
      last4: (p.last4 as string) ?? null,
      customerId: (p.customerId as string) ?? null,
      createdAt: isoOrNull(p.createdAt),
    })),
  };
}

async function resolveId(db: Db, merchantId: string, customerId: string): Promise<string> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT surviving_customer_id AS id FROM customer_aliases WHERE merchant_id = ${merchantId} AND old_customer_id = ${customerId}`),
  );
  return rows[0]?.id ?? customerId;
}
