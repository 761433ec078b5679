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

/** Sorts on a per-customer aggregate, read straight from the column where every live customer has a stats row. */
const STATS_SORTS: Partial<Record<CustomerSort, SQL>> = {
  spend: sql`s.lifetime_spend`,
  lastVisit: sql`s.last_visit_at`,
  orders: sql`s.order_count`,
  visits: sql`s.visit_count`,
  cards: sql`s.card_count`,
  giftCards: sql`s.gift_card_count`,
};

const live = (m: string) => sql`c.merchant_id = ${m} AND c.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM customer_aliases a WHERE a.merchant_id = ${m} AND a.old_customer_id = c.id)`;

/**
 * One page of the seller's customers with aggregates, searched and sorted: one query. Only the
 * page's rows are read whole. Sorted by an aggregate without a search, the page is walked from
 * the aggregates in order (every live customer has a stats row unless a backfill left them stale);
 * otherwise the matching customers are sorted as narrow (id, key) rows.
 */
export async function listCustomers(db: Db, params: ListCustomersParams): Promise<CustomerList> {
  const m = params.merchantId;
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const offset = Math.max(params.offset ?? 0, 0);
  const direction = params.direction === "asc" ? sql`ASC` : sql`DESC`;
  const sort = params.sort ?? "created";
  const byStats = STATS_SORTS[sort];
  const fast = byStats && !params.search?.trim() && (await aggregatesCurrent(db, m));
  const [source, total, page] = fast
    ? [
        sql``,
        sql`SELECT count(*) AS total FROM mirror_customers c WHERE ${live(m)}`,
        sql`SELECT s.customer_id AS id, ${byStats} AS k FROM mirror_customer_stats s JOIN mirror_customers c ON c.merchant_id = s.merchant_id AND c.id = s.customer_id
          WHERE s.merchant_id = ${m} AND ${live(m)}
          ORDER BY ${byStats} ${direction}${sort === "lastVisit" ? sql` NULLS LAST` : sql``}, s.customer_id ${direction} LIMIT ${limit} OFFSET ${offset}`,
      ]
    : [
        sql`WITH matching AS MATERIALIZED (
          SELECT c.id, ${ORDER_BY[sort]} AS k FROM mirror_customers c
          ${byStats ? sql`LEFT JOIN mirror_customer_stats s ON s.merchant_id = c.merchant_id AND s.customer_id = c.id` : sql``}
          WHERE ${live(m)} ${searchCondition(params.search)})`,
        sql`SELECT count(*) AS total FROM matching`,
        sql`SELECT id, k FROM matching ORDER BY k ${direction} NULLS LAST, id ${direction} LIMIT ${limit} OFFSET ${offset}`,
      ];
  const result = await db.execute(sql`
    ${source}
    SELECT t.total, c.id, c.given_name, c.family_name, c.company_name, c.nickname, c.email_address, c.phone_number, c.reference_id,
      c.creation_source, c.created_at, c.updated_at, s.order_count, s.payment_count, s.lifetime_spend, s.visit_count,
      s.first_visit_at, s.last_visit_at, s.card_count, s.gift_card_count,
      (SELECT currency FROM sellers WHERE merchant_id = ${m}) AS currency
    FROM (${total}) t
    LEFT JOIN (${page}) p ON true
    LEFT JOIN mirror_customers c ON c.merchant_id = ${m} AND c.id = p.id
    LEFT JOIN mirror_customer_stats s ON s.merchant_id = ${m} AND s.customer_id = p.id
    ORDER BY p.k ${direction} NULLS LAST, p.id ${direction}`);
  const rows = rowsOf<Record<string, unknown>>(result);
  return { customers: rows.filter((r) => r.id !== null && r.id !== undefined).map(toSummary), total: rows.length ? num(rows[0].total) : 0 };
}

/** Whether the per-customer aggregates are current (no backfill left them stale: mirror_rollup_state). */
async function aggregatesCurrent(db: Db, m: string): Promise<boolean> {
  return !rowsOf(await db.execute(sql`SELECT 1 FROM mirror_rollup_state WHERE merchant_id = ${m} AND stale_since IS NOT NULL`)).length;
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
