import { sql } from "drizzle-orm";
import type { Db } from "../lib/db/open";
import { listCustomers } from "../lib/db/queries/customers";
import { getCustomerHistory } from "../lib/db/queries/history";
import { rowsOf } from "../lib/db/queries/mirror-sql";
import { listOrders } from "../lib/db/queries/orders";
import { listPayments } from "../lib/db/queries/payments";
import { getCustomerShare, getNewVsReturning, getRevenueSeries, getTenderMix, getTopCustomers } from "../lib/db/queries/reports";
import { getSyncStatus } from "../lib/db/queries/sync";

async function median(run: () => Promise<unknown>, times = 5): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

/** Times each query the dashboard's views use, over one seller's mirror. */
export async function timeQueries(db: Db, merchantId: string): Promise<{ name: string; ms: number }[]> {
  const [last] = rowsOf<{ at: string }>(await db.execute(sql`SELECT max(created_at)::text AS at FROM mirror_payments WHERE merchant_id = ${merchantId}`));
  const to = new Date(new Date(last.at).getTime() + 1).toISOString();
  const day = 24 * 3600 * 1000;
  const from = (days: number) => new Date(new Date(to).getTime() - days * day).toISOString();
  const [top] = (await listCustomers(db, { merchantId, sort: "spend", limit: 1 })).customers;
  const range = { merchantId, from: from(90), to };
  const cases: [string, () => Promise<unknown>][] = [
    ["customer list, sorted by lifetime spend (page 1 of 50)", () => listCustomers(db, { merchantId, sort: "spend" })],
    ["customer list, search \"smith\"", () => listCustomers(db, { merchantId, search: "smith" })],
    ["customer list, search by phone digits", () => listCustomers(db, { merchantId, search: "555" })],
    [`customer history, top customer (${top.orderCount} orders), first page`, () => getCustomerHistory(db, { merchantId, customerId: top.id })],
    ["orders, last 30 days, first page", () => listOrders(db, { merchantId, from: from(30), to })],
    ["payments, last 30 days, first page", () => listPayments(db, { merchantId, from: from(30), to })],
    ["payments with no customer, first page", () => listPayments(db, { merchantId, withoutCustomer: true })],
    ["revenue by day, 90 days", () => getRevenueSeries(db, { ...range, period: "day" })],
    ["revenue by week, 365 days", () => getRevenueSeries(db, { merchantId, from: from(365), to, period: "week" })],
    ["new vs returning by week, 90 days", () => getNewVsReturning(db, { ...range, period: "week" })],
    ["top 10 customers, 90 days", () => getTopCustomers(db, range)],
    ["share with no customer, 365 days", () => getCustomerShare(db, { merchantId, from: from(365), to })],
    ["tender mix, 90 days", () => getTenderMix(db, range)],
    ["sync status", () => getSyncStatus(db, { merchantId })],
  ];
  const out: { name: string; ms: number }[] = [];
  for (const [name, run] of cases) out.push({ name, ms: await median(run) });
  return out;
}
