import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { isoOrNull, num, rowsOf } from "./mirror-sql";
import { customerDays, singleRolledLocation, planFor, salesDays, tenderDays } from "./sales-source";

/**
 * Report aggregates: completed payments count as sales, days and weeks are the seller's (the main
 * location's time zone unless given). Each reads the sales rollups where they answer the range
 * exactly, and the payments for the rest (lib/db/queries/sales-source.ts).
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
  const plan = await planFor(db, params);
  const z = sql`${plan.zone}::text`;
  const result = await db.execute(sql`
    WITH buckets AS (
      SELECT generate_series(date_trunc(${unit}, ${params.from}::timestamptz AT TIME ZONE ${z}),
        date_trunc(${unit}, (${params.to}::timestamptz - interval '1 microsecond') AT TIME ZONE ${z}), ${`1 ${unit}`}::interval) AS period
    ),
    totals AS (SELECT date_trunc(${unit}, s.day::timestamp) AS period, sum(s.revenue) AS revenue, sum(s.payments) AS payments FROM (${salesDays(plan)}) s GROUP BY 1)
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
  const plan = await planFor(db, params);
  const z = sql`${plan.zone}::text`;
  const period = (day: SQL) => (unit === "day" ? sql`${day}::timestamp` : sql`date_trunc('week', ${day}::timestamp)`);
  const m = params.merchantId;
  const result = await db.execute(
    plan.wholeSeller
      ? // Every first visit in a period is a new buyer there; the first period may start before the range.
        sql`
        -- Distinct buyers per period by grouping (a hash), not count(DISTINCT) (a sort).
        WITH buyers AS (
          ${
            unit === "day" && singleRolledLocation(plan)
              ? sql`SELECT s.day::timestamp AS period, s.buyers FROM (${salesDays(plan)}) s WHERE s.buyers > 0`
              : sql`SELECT period, count(*) AS buyers FROM (SELECT ${period(sql`c.day`)} AS period, c.customer_id FROM (${customerDays(plan)}) c GROUP BY 1, 2) x GROUP BY 1`
          }
        ),
        starts AS (SELECT date_trunc(${unit}, ${params.from}::timestamptz AT TIME ZONE ${z}) AS first),
        fresh AS (
          SELECT date_trunc(${unit}, s.first_visit_at AT TIME ZONE ${z}) AS period, count(*) AS n
          FROM mirror_customer_stats s
          WHERE s.merchant_id = ${m} AND s.first_visit_at >= ((SELECT first FROM starts) AT TIME ZONE ${z}) AND s.first_visit_at < ${params.to}::timestamptz
            AND (s.first_visit_at >= ${params.from}::timestamptz OR s.customer_id IN (
              SELECT c.customer_id FROM (${customerDays(plan)}) c WHERE c.day < ((SELECT first FROM starts) + ${`1 ${unit}`}::interval)::date))
          GROUP BY 1
        )
        SELECT to_char(b.period, 'YYYY-MM-DD') AS period, coalesce(f.n, 0) AS new_customers, b.buyers - coalesce(f.n, 0) AS returning_customers
        FROM buyers b LEFT JOIN fresh f ON f.period = b.period ORDER BY b.period`
      : sql`
        WITH buyers AS (SELECT ${period(sql`c.day`)} AS period, c.customer_id FROM (${customerDays(plan)}) c GROUP BY 1, 2)
        SELECT to_char(b.period, 'YYYY-MM-DD') AS period,
          count(*) FILTER (WHERE date_trunc(${unit}, s.first_visit_at AT TIME ZONE ${z}) >= b.period) AS new_customers,
          count(*) FILTER (WHERE date_trunc(${unit}, s.first_visit_at AT TIME ZONE ${z}) < b.period) AS returning_customers
        FROM buyers b LEFT JOIN mirror_customer_stats s ON s.merchant_id = ${m} AND s.customer_id = b.customer_id
        GROUP BY b.period ORDER BY b.period`,
  );
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
  const plan = await planFor(db, params);
  const result = await db.execute(sql`
    SELECT t.customer_id, c.given_name, c.family_name, c.email_address, t.spend, t.payments, t.last_payment_at, ${currency(params.merchantId)} AS currency
    FROM (
      -- float8 sums are exact below 2^53 cents and far cheaper per group than numeric ones.
      SELECT d.customer_id, sum(d.spend::float8)::bigint AS spend, sum(d.payments) AS payments, max(d.last_payment_at) AS last_payment_at
      FROM (${customerDays(plan)}) d
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
  const plan = await planFor(db, params);
  const [r] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT coalesce(sum(s.revenue), 0) AS total, coalesce(sum(s.payments), 0) AS payments, coalesce(sum(s.revenue_without), 0) AS without,
        coalesce(sum(s.payments_without), 0) AS payments_without, ${currency(params.merchantId)} AS currency
      FROM (${salesDays(plan)}) s`),
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
  const plan = await planFor(db, params);
  const result = await db.execute(sql`
    SELECT s.source_type, nullif(s.card_brand, '') AS card_brand, sum(s.revenue) AS revenue, sum(s.payments) AS payments, ${currency(params.merchantId)} AS currency
    FROM (${tenderDays(plan)}) s
    GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    sourceType: String(r.source_type),
    cardBrand: (r.card_brand as string) ?? null,
    revenue: money(r.revenue, r.currency),
    payments: num(r.payments),
  }));
}

const money = (amount: unknown, currency: unknown): Money => ({ amount: num(amount), currency: currency ? String(currency) : "USD" });
