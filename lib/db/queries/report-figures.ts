import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { num, rowsOf } from "./mirror-sql";
import type { ReportParams } from "./reports";

/** The headline figures of a range (Overview and the top of Reports), from completed payments. */
export interface SalesFigures {
  revenue: Money;
  payments: number;
  /** Sales: distinct orders with a completed payment (a split bill is one sale, two payments). */
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

/** One pass over the range's completed payments (the created_at index bounds it). */
export async function getSalesFigures(db: Db, p: ReportParams): Promise<SalesFigures> {
  const m = p.merchantId;
  const [r] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      WITH sales AS (
        SELECT p.total_amount, coalesce(p.order_id, p.id) AS sale_id, p.attributed_customer_id AS customer_id
        FROM mirror_payments p
        WHERE p.merchant_id = ${m} AND p.status = 'COMPLETED' AND p.created_at >= ${p.from}::timestamptz AND p.created_at < ${p.to}::timestamptz
          ${p.locationId ? sql`AND p.location_id = ${p.locationId}` : sql``}
      ),
      buyers AS (
        SELECT DISTINCT b.customer_id, s.first_visit_at FROM sales b
        LEFT JOIN mirror_customer_stats s ON s.merchant_id = ${m} AND s.customer_id = b.customer_id
        WHERE b.customer_id IS NOT NULL
      )
      SELECT coalesce(sum(total_amount), 0) AS revenue, count(*) AS payments, count(DISTINCT sale_id) AS sales,
        coalesce(sum(total_amount) FILTER (WHERE customer_id IS NULL), 0) AS without, count(*) FILTER (WHERE customer_id IS NULL) AS payments_without,
        (SELECT count(*) FROM buyers) AS customers,
        (SELECT count(*) FROM buyers WHERE coalesce(first_visit_at, ${p.from}::timestamptz) >= ${p.from}::timestamptz) AS new_customers,
        (SELECT currency FROM sellers WHERE merchant_id = ${m}) AS currency
      FROM sales`),
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
