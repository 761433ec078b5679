import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { num, rowsOf } from "./mirror-sql";
import type { ReportParams } from "./reports";
import { customerDays, planFor, salesDays } from "./sales-source";

/** The headline figures of a range (Overview and the top of Reports), from completed payments. */
export interface SalesFigures {
  revenue: Money;
  payments: number;
  /** Sales: orders first paid in the range (a split bill is one sale, two payments). */
  sales: number;
  /** Revenue per sale. */
  averageTicket: Money;
  /** Distinct customers with a completed payment in the range. */
  customers: number;
  /** Of those, the ones whose first purchase ever falls in the range. */
  newCustomers: number;
  returningCustomers: number;
  withoutCustomer: Money;
  paymentsWithoutCustomer: number;
  /** 0–1 of revenue; 0 when there were no sales. */
  shareWithoutCustomer: number;
}

/**
 * A sale is an order (or a payment without one) counted once, on the day of its first completed
 * payment; revenue is every completed payment's total. From the sales rollups (sales-source.ts).
 */
export async function getSalesFigures(db: Db, p: ReportParams): Promise<SalesFigures> {
  const m = p.merchantId;
  const plan = await planFor(db, p);
  const [r] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      WITH totals AS (
        SELECT coalesce(sum(s.revenue), 0) AS revenue, coalesce(sum(s.payments), 0) AS payments, coalesce(sum(s.sales), 0) AS sales,
          coalesce(sum(s.revenue_without), 0) AS without, coalesce(sum(s.payments_without), 0) AS payments_without
        FROM (${salesDays(plan)}) s
      ),
      buyers AS (SELECT c.customer_id FROM (${customerDays(plan)}) c GROUP BY 1)
      ${plan.wholeSeller ? wholeSellerCustomers(p) : rangeCustomers(p)},
        (SELECT currency FROM sellers WHERE merchant_id = ${m}) AS currency
      FROM totals t`),
  );
  const currency = r?.currency ? String(r.currency) : "USD";
  const money = (amount: number): Money => ({ amount, currency });
  const revenue = num(r?.revenue);
  const sales = num(r?.sales);
  const customers = num(r?.customers);
  const newCustomers = num(r?.new_customers);
  return {
    revenue: money(revenue),
    payments: num(r?.payments),
    sales,
    averageTicket: money(sales ? Math.round(revenue / sales) : 0),
    customers,
    newCustomers,
    returningCustomers: customers - newCustomers,
    withoutCustomer: money(num(r?.without)),
    paymentsWithoutCustomer: num(r?.payments_without),
    shareWithoutCustomer: revenue ? num(r?.without) / revenue : 0,
  };
}

/** Customers who bought in the range (`buyers`), and those of them whose first purchase ever is in it. */
const rangeCustomers = (p: ReportParams) => sql`
  SELECT t.*, (SELECT count(*) FROM buyers) AS customers,
    (SELECT count(*) FROM buyers b LEFT JOIN mirror_customer_stats s ON s.merchant_id = ${p.merchantId} AND s.customer_id = b.customer_id
      WHERE coalesce(s.first_visit_at, ${p.from}::timestamptz) >= ${p.from}::timestamptz) AS new_customers`;

/**
 * The same from the per-customer aggregates when the range covers all of the seller's sales: each
 * first visit in the range is a new buyer; when nobody's last visit is after the range (it ends
 * today), the buyers are exactly those whose last visit is in it.
 */
const wholeSellerCustomers = (p: ReportParams) => {
  const stats = sql`mirror_customer_stats s WHERE s.merchant_id = ${p.merchantId}`;
  return sql`
  SELECT t.*,
    CASE WHEN EXISTS (SELECT 1 FROM ${stats} AND s.last_visit_at >= ${p.to}::timestamptz) THEN (SELECT count(*) FROM buyers)
      ELSE (SELECT count(*) FROM ${stats} AND s.last_visit_at >= ${p.from}::timestamptz) END AS customers,
    (SELECT count(*) FROM ${stats} AND s.first_visit_at >= ${p.from}::timestamptz AND s.first_visit_at < ${p.to}::timestamptz) AS new_customers`;
};
