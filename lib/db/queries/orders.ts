import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { channelOf, orderConditions, type HistoryFilterParams } from "./history-filters";
import { isoOrNull, num, rowsOf } from "./mirror-sql";

export interface ListOrdersParams extends HistoryFilterParams {
  states?: string[];
  /** Only orders attributed to this customer (any of their ids). */
  customerId?: string;
  /** Default 50, at most 200. */
  limit?: number;
  cursor?: string | null;
}

export interface AttributedCustomer {
  /** Null for "no customer". */
  customerId: string | null;
  /** Display fields of the surviving profile, when the mirror has it. */
  givenName: string | null;
  familyName: string | null;
  emailAddress: string | null;
  deleted: boolean;
  source: string;
  mergedFrom: string | null;
  /** Attributed through a payment Square gave a customer after the sale (no tender on the order names them). */
  assignedLater: boolean;
}

export interface OrderSummary {
  id: string;
  createdAt: string | null;
  closedAt: string | null;
  state: string | null;
  locationId: string | null;
  sourceName: string | null;
  /** Where the sale came from: Square's source name, or "Patron checkout" for Patron's own. */
  channel: string;
  total: Money;
  tip: Money;
  netAmountDue: Money;
  /** The order's own customer_id as Square recorded it (often empty). */
  recordedCustomerId: string | null;
  customers: AttributedCustomer[];
  paymentIds: string[];
}

export interface OrderList {
  orders: OrderSummary[];
  nextCursor: string | null;
}

/** Orders by date range, newest first, each with its attributed customers: one query. */
export async function listOrders(db: Db, params: ListOrdersParams): Promise<OrderList> {
  const m = params.merchantId;
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const [beforeAt, beforeId] = decodeCursor(params.cursor);
  const result = await db.execute(sql`
    SELECT o.id, o.created_at, o.closed_at, o.state, o.location_id, o.source_name, o.total_amount, o.total_tip_amount, o.net_amount_due_amount,
      o.customer_id, coalesce(o.currency, (SELECT currency FROM sellers WHERE merchant_id = ${m})) AS currency,
      (SELECT coalesce(json_agg(json_build_object('customerId', oc.customer_id, 'givenName', c.given_name, 'familyName', c.family_name,
          'emailAddress', c.email_address, 'deleted', c.deleted_at IS NOT NULL, 'source', oc.source, 'mergedFrom', oc.merged_from,
          'assignedLater', oc.source = 'payment' AND NOT EXISTS (SELECT 1 FROM mirror_order_tenders t
            WHERE t.merchant_id = ${m} AND t.order_id = o.id
              -- A lookup per tender: joined, the planner hashed every alias for each order.
              AND coalesce((SELECT a.surviving_customer_id FROM customer_aliases a WHERE a.merchant_id = t.merchant_id AND a.old_customer_id = t.customer_id), t.customer_id) = oc.customer_id))), '[]'::json)
        FROM mirror_order_customers oc LEFT JOIN mirror_customers c ON c.merchant_id = oc.merchant_id AND c.id = oc.customer_id
        WHERE oc.merchant_id = ${m} AND oc.order_id = o.id) AS customers,
      (SELECT coalesce(json_agg(t.payment_id), '[]'::json) FROM mirror_order_tenders t WHERE t.merchant_id = ${m} AND t.order_id = o.id) AS payment_ids,
      ${channelOf("o", m)} AS channel
    FROM mirror_orders o
    WHERE o.merchant_id = ${m}
      ${orderConditions(params)}
      ${params.customerId ? sql`AND o.id IN (SELECT order_id FROM mirror_order_customers WHERE merchant_id = ${m} AND customer_id = ${resolved(m, params.customerId)})` : sql``}
      ${beforeAt ? sql`AND (o.created_at, o.id) < (${beforeAt}::timestamptz, ${beforeId})` : sql``}
    -- Plain DESC walks the created_at index backwards (NULLS LAST would sort the whole range first).
    ORDER BY o.created_at DESC, o.id DESC
    LIMIT ${limit + 1}`);
  const rows = rowsOf<Record<string, unknown>>(result);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { orders: page.map(toOrder), nextCursor: rows.length > limit && last ? `${isoOrNull(last.created_at)}|${last.id}` : null };
}

/** The surviving id for any of a customer's ids, as SQL. */
export const resolved = (merchantId: string, customerId: string) =>
  sql`coalesce((SELECT surviving_customer_id FROM customer_aliases WHERE merchant_id = ${merchantId} AND old_customer_id = ${customerId}), ${customerId})`;

export const parseJson = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

function toOrder(r: Record<string, unknown>): OrderSummary {
  const currency = String(r.currency ?? "USD");
  const money = (v: unknown): Money => ({ amount: num(v), currency });
  return {
    id: String(r.id),
    createdAt: isoOrNull(r.created_at),
    closedAt: isoOrNull(r.closed_at),
    state: (r.state as string) ?? null,
    locationId: (r.location_id as string) ?? null,
    sourceName: (r.source_name as string) ?? null,
    channel: String(r.channel),
    total: money(r.total_amount),
    tip: money(r.total_tip_amount),
    netAmountDue: money(r.net_amount_due_amount),
    recordedCustomerId: (r.customer_id as string) ?? null,
    customers: parseJson<AttributedCustomer[]>(r.customers),
    paymentIds: parseJson<(string | null)[]>(r.payment_ids).filter((id): id is string => !!id),
  };
}

export function decodeCursor(cursor: string | null | undefined): [string | null, string | null] {
  if (!cursor) return [null, null];
  const at = cursor.indexOf("|");
  return at > 0 ? [cursor.slice(0, at), cursor.slice(at + 1)] : [null, null];
}
