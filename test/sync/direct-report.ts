import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/queries/mirror-sql";
import type { Period, ReportParams } from "@/lib/db/queries/reports";
import { addDays, localDate } from "@/lib/reports/time-zone";

/**
 * The reports computed the slow, obvious way: every payment of the seller read into memory and
 * counted in JavaScript (days from Intl, not SQL). Tests compare the rollup-based queries with this.
 */
export interface DirectReport {
  zone: string;
  revenue: { period: string; revenue: number; payments: number }[];
  figures: { revenue: number; payments: number; sales: number; customers: number; newCustomers: number; withoutCustomer: number; paymentsWithoutCustomer: number };
  tenders: { sourceType: string; cardBrand: string | null; revenue: number; payments: number }[];
  top: { customerId: string; spend: number; payments: number; lastPaymentAt: string }[];
  newVsReturning: { period: string; newCustomers: number; returningCustomers: number }[];
}

interface Row {
  id: string;
  order_id: string | null;
  location_id: string | null;
  status: string | null;
  total_amount: unknown;
  created_at: unknown;
  attributed_customer_id: string | null;
  source_type: string | null;
  card_brand: string | null;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v instanceof Date ? v : String(v)).toISOString());

/** Monday of a date's week, as PostgreSQL's date_trunc('week') counts. */
function weekOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

export async function directReport(db: Db, p: ReportParams & { period: Period }): Promise<DirectReport> {
  const m = p.merchantId;
  const payments = rowsOf<Row>(
    await db.execute(sql`SELECT id, order_id, location_id, status, total_amount, created_at, attributed_customer_id, source_type, card_brand FROM mirror_payments WHERE merchant_id = ${m}`),
  );
  const locations = new Map(rowsOf<{ id: string; timezone: string | null }>(await db.execute(sql`SELECT id, timezone FROM mirror_locations WHERE merchant_id = ${m}`)).map((l) => [l.id, l.timezone]));
  const [seller] = rowsOf<{ main_location_id: string | null }>(await db.execute(sql`SELECT main_location_id FROM sellers WHERE merchant_id = ${m}`));
  const firstVisit = new Map(
    rowsOf<{ customer_id: string; first_visit_at: unknown }>(await db.execute(sql`SELECT customer_id, first_visit_at FROM mirror_customer_stats WHERE merchant_id = ${m}`)).map((s) => [s.customer_id, iso(s.first_visit_at)]),
  );
  const zone = p.timezone ?? (p.locationId ? locations.get(p.locationId) : locations.get(seller?.main_location_id ?? "")) ?? "UTC";
  const periodOf = (at: string) => (p.period === "week" ? weekOf(localDate(at, zone)) : localDate(at, zone));

  const completed = payments.filter((x) => x.status === "COMPLETED" && iso(x.created_at)).map((x) => ({ ...x, at: iso(x.created_at)!, total: Number(x.total_amount) }));
  // An order's sale is its first completed payment (by time, then id).
  const firstOfOrder = new Map<string, { at: string; id: string }>();
  for (const x of completed) {
    if (!x.order_id) continue;
    const best = firstOfOrder.get(x.order_id);
    if (!best || x.at < best.at || (x.at === best.at && x.id < best.id)) firstOfOrder.set(x.order_id, { at: x.at, id: x.id });
  }
  const inRange = completed.filter((x) => x.at >= new Date(p.from).toISOString() && x.at < new Date(p.to).toISOString() && (!p.locationId || x.location_id === p.locationId));

  const revenue = new Map<string, { revenue: number; payments: number }>();
  for (let day = localDate(p.from, zone); ; day = addDays(day, 1)) {
    const key = p.period === "week" ? weekOf(day) : day;
    if (!revenue.has(key)) revenue.set(key, { revenue: 0, payments: 0 });
    if (day >= localDate(new Date(Date.parse(p.to) - 1).toISOString(), zone)) break;
  }
  const tenders = new Map<string, { sourceType: string; cardBrand: string | null; revenue: number; payments: number }>();
  const spend = new Map<string, { customerId: string; spend: number; payments: number; lastPaymentAt: string }>();
  const buyers = new Map<string, Set<string>>();
  const figures = { revenue: 0, payments: 0, sales: 0, customers: 0, newCustomers: 0, withoutCustomer: 0, paymentsWithoutCustomer: 0 };
  for (const x of inRange) {
    const r = revenue.get(periodOf(x.at))!;
    r.revenue += x.total;
    r.payments++;
    figures.revenue += x.total;
    figures.payments++;
    if (!x.order_id || firstOfOrder.get(x.order_id)?.id === x.id) figures.sales++;
    const sourceType = x.source_type ?? "OTHER";
    const cardBrand = x.source_type === "CARD" ? x.card_brand : null;
    const t = tenders.get(`${sourceType}|${cardBrand}`) ?? { sourceType, cardBrand, revenue: 0, payments: 0 };
    t.revenue += x.total;
    t.payments++;
    tenders.set(`${sourceType}|${cardBrand}`, t);
    const c = x.attributed_customer_id;
    if (!c) {
      figures.withoutCustomer += x.total;
      figures.paymentsWithoutCustomer++;
      continue;
    }
    const s = spend.get(c) ?? { customerId: c, spend: 0, payments: 0, lastPaymentAt: x.at };
    s.spend += x.total;
    s.payments++;
    if (x.at > s.lastPaymentAt) s.lastPaymentAt = x.at;
    spend.set(c, s);
    buyers.set(periodOf(x.at), (buyers.get(periodOf(x.at)) ?? new Set()).add(c));
  }
  figures.customers = spend.size;
  figures.newCustomers = [...spend.keys()].filter((c) => (firstVisit.get(c) ?? new Date(p.from).toISOString()) >= new Date(p.from).toISOString()).length;

  return {
    zone,
    revenue: [...revenue].map(([period, r]) => ({ period, ...r })),
    figures,
    tenders: [...tenders.values()],
    top: [...spend.values()].sort((a, b) => b.spend - a.spend || (a.customerId < b.customerId ? -1 : 1)),
    newVsReturning: [...buyers]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([period, set]) => {
        const first = [...set].map((c) => firstVisit.get(c)).map((at) => (at ? periodOf(at) : null));
        return { period, newCustomers: first.filter((f) => f !== null && f >= period).length, returningCustomers: first.filter((f) => f !== null && f < period).length };
      }),
  };
}
