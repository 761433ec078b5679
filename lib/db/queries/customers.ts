import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { isoOrNull, num, rowsOf } from "./mirror-sql";

/**
 * Customers as the mirror knows them, with their per-customer aggregates (mirror_customer_stats),
 * for the directory. Merged-away and deleted profiles are left out: their history lives on under
 * the surviving profile.
 */
export type CustomerSort = "name" | "created" | "spend" | "lastVisit" | "orders" | "visits" | "email" | "phone" | "cards" | "giftCards";

export interface ListCustomersParams {
  merchantId: string;
  /** Part of a name, email, phone number (any formatting), company or reference id. */
  search?: string;
  sort?: CustomerSort;
  direction?: "asc" | "desc";
  /** Default 50, at most 200. */
  limit?: number;
  offset?: number;
}

export interface CustomerSummary {
  id: string;
  givenName: string | null;
  familyName: string | null;
  companyName: string | null;
  nickname: string | null;
  emailAddress: string | null;
  phoneNumber: string | null;
  referenceId: string | null;
  creationSource: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  orderCount: number;
  paymentCount: number;
  lifetimeSpend: Money;
  visitCount: number;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
  cardCount: number;
  giftCardCount: number;
}

export interface CustomerList {
  customers: CustomerSummary[];
  /** How many customers match, over all pages. */
  total: number;
}

const ORDER_BY: Record<CustomerSort, SQL> = {
  name: sql`lower(coalesce(nullif(concat_ws(' ', c.given_name, c.family_name), ''), c.company_name, c.email_address, c.phone_number, ''))`,
  created: sql`c.created_at`,
  spend: sql`coalesce(s.lifetime_spend, 0)`,
  lastVisit: sql`s.last_visit_at`,
  orders: sql`coalesce(s.order_count, 0)`,
  visits: sql`coalesce(s.visit_count, 0)`,
  email: sql`lower(c.email_address)`,
  phone: sql`c.phone_digits`,
  cards: sql`coalesce(s.card_count, 0)`,
  giftCards: sql`coalesce(s.gift_card_count, 0)`,
};

const STATS_SORTS = new Set<CustomerSort>(["spend", "lastVisit", "orders", "visits", "cards", "giftCards"]);

/**
 * One page of the seller's customers with aggregates, searched and sorted: one query. The matching
 * customers are sorted as narrow (id, key) rows and counted; only the page's rows are read whole.
 */
export async function listCustomers(db: Db, params: ListCustomersParams): Promise<CustomerList> {
  const m = params.merchantId;
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const direction = params.direction === "asc" ? sql`ASC` : sql`DESC`;
  const order = ORDER_BY[params.sort ?? "created"];
  const result = await db.execute(sql`
    WITH live AS MATERIALIZED (
      SELECT c.id, ${order} AS k
      FROM mirror_customers c
      ${STATS_SORTS.has(params.sort ?? "created") ? sql`LEFT JOIN mirror_customer_stats s ON s.merchant_id = c.merchant_id AND s.customer_id = c.id` : sql``}
      WHERE c.merchant_id = ${m} AND c.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM customer_aliases a WHERE a.merchant_id = ${m} AND a.old_customer_id = c.id)
        ${searchCondition(params.search)}
    )
    SELECT t.total, c.id, c.given_name, c.family_name, c.company_name, c.nickname, c.email_address, c.phone_number, c.reference_id,
      c.creation_source, c.created_at, c.updated_at, s.order_count, s.payment_count, s.lifetime_spend, s.visit_count,
      s.first_visit_at, s.last_visit_at, s.card_count, s.gift_card_count,
      (SELECT currency FROM sellers WHERE merchant_id = ${m}) AS currency
    FROM (SELECT count(*) AS total FROM live) t
    LEFT JOIN (SELECT id, k FROM live ORDER BY k ${direction} NULLS LAST, id ${direction} LIMIT ${limit} OFFSET ${Math.max(params.offset ?? 0, 0)}) p ON true
    LEFT JOIN mirror_customers c ON c.merchant_id = ${m} AND c.id = p.id
    LEFT JOIN mirror_customer_stats s ON s.merchant_id = ${m} AND s.customer_id = p.id
    ORDER BY p.k ${direction} NULLS LAST, p.id ${direction}`);
  const rows = rowsOf<Record<string, unknown>>(result);
  return { customers: rows.filter((r) => r.id !== null && r.id !== undefined).map(toSummary), total: rows.length ? num(rows[0].total) : 0 };
}

/** Substring match on the search text; digits also match phone numbers however they were typed. */
export function searchCondition(search: string | undefined): SQL {
  const q = search?.trim().toLowerCase();
  if (!q) return sql``;
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const digits = q.replace(/\D/g, "");
  const phone = digits.length >= 3 && /^[\d\s()+.-]+$/.test(q) ? sql` OR c.phone_digits LIKE ${`%${digits}%`}` : sql``;
  return sql`AND (c.search_text LIKE ${like}${phone})`;
}

export function toSummary(r: Record<string, unknown>): CustomerSummary {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    givenName: str(r.given_name),
    familyName: str(r.family_name),
    companyName: str(r.company_name),
    nickname: str(r.nickname),
    emailAddress: str(r.email_address),
    phoneNumber: str(r.phone_number),
    referenceId: str(r.reference_id),
    creationSource: str(r.creation_source),
    createdAt: isoOrNull(r.created_at),
    updatedAt: isoOrNull(r.updated_at),
    orderCount: num(r.order_count),
    paymentCount: num(r.payment_count),
    lifetimeSpend: { amount: num(r.lifetime_spend), currency: str(r.currency) ?? "USD" },
    visitCount: num(r.visit_count),
    firstVisitAt: isoOrNull(r.first_visit_at),
    lastVisitAt: isoOrNull(r.last_visit_at),
    cardCount: num(r.card_count),
    giftCardCount: num(r.gift_card_count),
  };
}
