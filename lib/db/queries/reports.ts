import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { isoOrNull, num, rowsOf } from "./mirror-sql";

/**
 * Report aggregates over the mirror, each one query over the indexed payments (completed ones
 * count as sales). Days and weeks are the seller's: the main location's time zone unless given.
 */
export interface ReportParams {
  merchantId: string;
  /** Range on payments' created_at: from inclusive, to exclusive (ISO). */
  from: string;
  to: string;
  /** IANA zone; default the location's (or the main location's), UTC if unknown. */
  timezone?: string;
  /** Only sales at this location. */
  locationId?: string;
}

export type Period = "day" | "week";

const zone = (p: ReportParams): SQL =>
  p.timezone
    ? sql`${p.timezone}::text`
    : p.locationId
      ? sql`coalesce((SELECT l.timezone FROM mirror_locations l WHERE l.merchant_id = ${p.merchantId} AND l.id = ${p.locationId}), 'UTC')`
      : sql`coalesce((SELECT l.timezone FROM mirror_locations l JOIN sellers s ON s.merchant_id = l.merchant_id AND s.main_location_id = l.id WHERE l.merchant_id = ${p.merchantId}), 'UTC')`;

const sales = (p: ReportParams) =>
  sql`p.merchant_id = ${p.merchantId} AND p.status = 'COMPLETED' AND p.created_at >= ${p.from}::timestamptz AND p.created_at < ${p.to}::timestamptz${p.locationId ? sql` AND p.location_id = ${p.locationId}` : sql``}`;

const currency = (m: string) => sql`(SELECT currency FROM sellers WHERE merchant_id = ${m})`;

export interface RevenuePoint {
  /** The local date the day or week (Monday) starts, YYYY-MM-DD. */
  period: string;
  revenue: Money;
  payments: number;
}

/** Revenue per local day or week across the range, with empty periods as zero. */
export async function getRevenueSeries(db: Db, params: ReportParams & { period: Period }): Promise<RevenuePoint[]> {
  const unit = params.period === "week" ? "week" : "day";
  const result = await db.execute(sql`
    WITH tz AS (SELECT ${zone(params)} AS name),
    buckets AS (
      SELECT generate_series(date_trunc(${unit}, ${params.from}::timestamptz AT TIME ZONE (SELECT name FROM tz)),
        date_trunc(${unit}, (${params.to}::timestamptz - interval '1 microsecond') AT TIME ZONE (SELECT name FROM tz)), ${`1 ${unit}`}::interval) AS period
    ),
    totals AS (
      SELECT date_trunc(${unit}, p.created_at AT TIME ZONE (SELECT name FROM tz)) AS period, sum(p.total_amount) AS revenue, count(*) AS payments
      FROM mirror_payments p WHERE ${sales(params)} GROUP BY 1
    )
    SELECT to_char(b.period, 'YYYY-MM-DD') AS period, coalesce(t.revenue, 0) AS revenue, coalesce(t.payments, 0) AS payments, ${currency(params.merchantId)} AS currency
    FROM buckets b LEFT JOIN totals t ON t.period = b.period ORDER BY b.period`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({ period: String(r.period), revenue: money(r.revenue, r.currency), payments: num(r.payments) }));
}

export interface NewVsReturningPoint {
  period: string;
  /** Customers whose first completed payment ever falls in this period. */
  newCustomers: number;
  /** Customers who bought in this period and before it. */
  returningCustomers: number;
}

/** Per local day or week: how many paying customers were new and how many returned. */
export async function getNewVsReturning(db: Db, params: ReportParams & { period: Period }): Promise<NewVsReturningPoint[]> {
  const unit = params.period === "week" ? "week" : "day";
  const result = await db.execute(sql`
    WITH tz AS (SELECT ${zone(params)} AS name),
    buyers AS (
      SELECT DISTINCT date_trunc(${unit}, p.created_at AT TIME ZONE (SELECT name FROM tz)) AS period, p.attributed_customer_id AS customer_id
      FROM mirror_payments p WHERE ${sales(params)} AND p.attributed_customer_id IS NOT NULL
    )
    SELECT to_char(b.period, 'YYYY-MM-DD') AS period,
      count(*) FILTER (WHERE date_trunc(${unit}, s.first_visit_at AT TIME ZONE (SELECT name FROM tz)) >= b.period) AS new_customers,
      count(*) FILTER (WHERE date_trunc(${unit}, s.first_visit_at AT TIME ZONE (SELECT name FROM tz)) < b.period) AS returning_customers
    FROM buyers b LEFT JOIN mirror_customer_stats s ON s.merchant_id = ${params.merchantId} AND s.customer_id = b.customer_id
    GROUP BY b.period ORDER BY b.period`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({ period: String(r.period), newCustomers: num(r.new_customers), returningCustomers: num(r.returning_customers) }));
}

export interface TopCustomer {
  customerId: string;
  givenName: string | null;
  familyName: string | null;
  emailAddress: string | null;
  spend: Money;
  payments: number;
  lastPaymentAt: string | null;
}

/** The customers who spent most in the range. */
export async function getTopCustomers(db: Db, params: ReportParams & { limit?: number }): Promise<TopCustomer[]> {
  const result = await db.execute(sql`
    SELECT t.customer_id, c.given_name, c.family_name, c.email_address, t.spend, t.payments, t.last_payment_at, ${currency(params.merchantId)} AS currency
    FROM (
      SELECT p.attributed_customer_id AS customer_id, sum(p.total_amount) AS spend, count(*) AS payments, max(p.created_at) AS last_payment_at
      FROM mirror_payments p WHERE ${sales(params)} AND p.attributed_customer_id IS NOT NULL
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${Math.min(Math.max(params.limit ?? 10, 1), 100)}
    ) t LEFT JOIN mirror_customers c ON c.merchant_id = ${params.merchantId} AND c.id = t.customer_id
    ORDER BY t.spend DESC, t.customer_id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    customerId: String(r.customer_id),
    givenName: (r.given_name as string) ?? null,
    familyName: (r.family_name as string) ?? null,
    emailAddress: (r.email_address as string) ?? null,
    spend: money(r.spend, r.currency),
    payments: num(r.payments),
    lastPaymentAt: isoOrNull(r.last_payment_at),
  }));
}

export interface CustomerShare {
  total: Money;
  payments: number;
  /** Sales no customer could be attributed to. */
  withoutCustomer: Money;
  paymentsWithoutCustomer: number;
  /** 0–1 of revenue; 0 when there were no sales. */
  shareWithoutCustomer: number;
}

/** How much of the range's revenue has no customer attached. */
export async function getCustomerShare(db: Db, params: ReportParams): Promise<CustomerShare> {
  const [r] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT coalesce(sum(p.total_amount), 0) AS total, count(*) AS payments,
        coalesce(sum(p.total_amount) FILTER (WHERE p.attributed_customer_id IS NULL), 0) AS without,
        count(*) FILTER (WHERE p.attributed_customer_id IS NULL) AS payments_without, ${currency(params.merchantId)} AS currency
      FROM mirror_payments p WHERE ${sales(params)}`),
  );
  const total = num(r?.total);
  return {
    total: money(total, r?.currency),
    payments: num(r?.payments),
    withoutCustomer: money(r?.without, r?.currency),
    paymentsWithoutCustomer: num(r?.payments_without),
    shareWithoutCustomer: total ? num(r?.without) / total : 0,
  };
}

export interface TenderMixEntry {
  /** Square's source_type: CARD, CASH, EXTERNAL, WALLET…; card payments split by brand. */
  sourceType: string;
  cardBrand: string | null;
  revenue: Money;
  payments: number;
}

/** Revenue by how customers paid. */
export async function getTenderMix(db: Db, params: ReportParams): Promise<TenderMixEntry[]> {
  const result = await db.execute(sql`
    SELECT coalesce(p.source_type, 'OTHER') AS source_type, CASE WHEN p.source_type = 'CARD' THEN p.card_brand END AS card_brand,
      sum(p.total_amount) AS revenue, count(*) AS payments, ${currency(params.merchantId)} AS currency
    FROM mirror_payments p WHERE ${sales(params)}
    GROUP BY 1, 2 ORDER BY 3 DESC`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    sourceType: String(r.source_type),
    cardBrand: (r.card_brand as string) ?? null,
    revenue: money(r.revenue, r.currency),
    payments: num(r.payments),
  }));
}

const money = (amount: unknown, currency: unknown): Money => ({ amount: num(amount), currency: currency ? String(currency) : "USD" });
