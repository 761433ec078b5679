import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import type { CustomerProfileParams } from "./customer-profile";
import { isoOrNull, num, rowsOf } from "./mirror-sql";

export interface CustomerSpendSummary {
  /** Completed payments' totals (tips included), as the directory shows. */
  lifetimeSpend: Money;
  /** Distinct local days with a completed payment. */
  visits: number;
  orders: number;
  completedPayments: number;
  /** Lifetime spend over completed payments, rounded to the minor unit; null before the first one. */
  averageTicket: Money | null;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
}

const target = (m: string, customerId: string) =>
  sql`coalesce((SELECT surviving_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND old_customer_id = ${customerId}), ${customerId})`;

/** The customer's aggregates (mirror_customer_stats, kept by the sync) plus their completed payment count. */
export async function getCustomerSpendSummary(db: Db, { merchantId: m, customerId }: CustomerProfileParams): Promise<CustomerSpendSummary> {
  const result = await db.execute(sql`
    SELECT s.lifetime_spend, s.visit_count, s.order_count, s.first_visit_at, s.last_visit_at,
      (SELECT count(*) FROM mirror_payments p WHERE p.merchant_id = ${m} AND p.attributed_customer_id = ${target(m, customerId)} AND p.status = 'COMPLETED') AS completed,
      (SELECT currency FROM sellers WHERE merchant_id = ${m}) AS currency
    FROM (SELECT 1) one
    LEFT JOIN mirror_customer_stats s ON s.merchant_id = ${m} AND s.customer_id = ${target(m, customerId)}`);
  const [r] = rowsOf<Record<string, unknown>>(result);
  const currency = String(r?.currency ?? "USD");
  const spend = num(r?.lifetime_spend);
  const completed = num(r?.completed);
  return {
    lifetimeSpend: { amount: spend, currency },
    visits: num(r?.visit_count),
    orders: num(r?.order_count),
    completedPayments: completed,
    averageTicket: completed ? { amount: Math.round(spend / completed), currency } : null,
    firstVisitAt: isoOrNull(r?.first_visit_at),
    lastVisitAt: isoOrNull(r?.last_visit_at),
  };
}

export interface SpendPoint {
  /** The local month, YYYY-MM. */
  month: string;
  spend: Money;
  payments: number;
}

export interface SpendSeriesParams extends CustomerProfileParams {
  /** How many months back from the current one (default 12). */
  months?: number;
  /** "Now", for tests; default the database's clock. */
  now?: string;
}

/** Completed spend per month in the shop's time zone (main location), the last N months, empty months as zero. */
export async function getCustomerSpendSeries(db: Db, params: SpendSeriesParams): Promise<SpendPoint[]> {
  const { merchantId: m, customerId } = params;
  const months = Math.min(Math.max(params.months ?? 12, 1), 60);
  const now = params.now ? sql`${params.now}::timestamptz` : sql`now()`;
  const result = await db.execute(sql`
    WITH tz AS (
      SELECT coalesce((SELECT l.timezone FROM mirror_locations l JOIN sellers s ON s.merchant_id = l.merchant_id AND s.main_location_id = l.id WHERE l.merchant_id = ${m}), 'UTC') AS name
    ),
    buckets AS (
      SELECT generate_series(date_trunc('month', ${now} AT TIME ZONE (SELECT name FROM tz)) - ${`${months - 1} months`}::interval,
        date_trunc('month', ${now} AT TIME ZONE (SELECT name FROM tz)), '1 month'::interval) AS month
    ),
    totals AS (
      SELECT date_trunc('month', p.created_at AT TIME ZONE (SELECT name FROM tz)) AS month, sum(p.total_amount) AS spend, count(*) AS payments
      FROM mirror_payments p
      WHERE p.merchant_id = ${m} AND p.attributed_customer_id = ${target(m, customerId)} AND p.status = 'COMPLETED'
      GROUP BY 1
    )
    SELECT to_char(b.month, 'YYYY-MM') AS month, coalesce(t.spend, 0) AS spend, coalesce(t.payments, 0) AS payments,
      (SELECT currency FROM sellers WHERE merchant_id = ${m}) AS currency
    FROM buckets b LEFT JOIN totals t ON t.month = b.month ORDER BY b.month`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    month: String(r.month),
    spend: { amount: num(r.spend), currency: String(r.currency ?? "USD") },
    payments: num(r.payments),
  }));
}
