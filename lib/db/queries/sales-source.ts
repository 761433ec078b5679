import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "../open";
import { rowsOf, textArray } from "./mirror-sql";
import type { ReportParams } from "./reports";

/**
 * Where a report reads its sales from. The rollups (mirror_sales_days, mirror_customer_days) hold
 * each location's completed payments by local day in that location's zone, so they answer a range
 * of whole days in the same zone exactly. Anything else — a location in another zone than the one
 * asked for, a range that does not start and end at local midnight, rollups a backfill left stale —
 * is read from the payments themselves, with the same definitions.
 */
export interface SalesPlan {
  params: ReportParams;
  /** The zone days are counted in. */
  zone: string;
  /** Local dates [fromDay, toDay) the range covers, when it is whole days. */
  fromDay: string;
  toDay: string;
  /** Location keys read from the rollups. */
  rolled: string[];
  /** Location keys read from the payments, or "all" (every payment of the range and location). */
  live: string[] | "all";
  /**
   * The range covers all of the seller's sales (no location chosen, or their only one) and the
   * per-customer aggregates are current: a customer is new in a period exactly when their first
   * visit (mirror_customer_stats) falls in it, so new customers are counted from those.
   */
  wholeSeller: boolean;
  /** No location chosen and every location read from the rollups: no location filter needed. */
  everyLocationRolled: boolean;
}

/** The zone a report counts days in: given, else the location's, else the main location's, else UTC. */
export const reportZone = (p: ReportParams): SQL =>
  p.timezone
    ? sql`${p.timezone}::text`
    : p.locationId
      ? sql`coalesce((SELECT l.timezone FROM mirror_locations l WHERE l.merchant_id = ${p.merchantId} AND l.id = ${p.locationId}), 'UTC')`
      : sql`coalesce((SELECT l.timezone FROM mirror_locations l JOIN sellers s ON s.merchant_id = l.merchant_id AND s.main_location_id = l.id WHERE l.merchant_id = ${p.merchantId}), 'UTC')`;

/** The plan of a report's range (one small query). Pages call several reports of one range: see `cachedPlan`. */
export async function planSales(db: Db, params: ReportParams): Promise<SalesPlan> {
  const [r] = rowsOf<{ zone: string; zones: unknown; stale: boolean | null; from_day: string; to_day: string; whole: boolean }>(
    await db.execute(sql`
      WITH z AS MATERIALIZED (SELECT ${reportZone(params)} AS zone),
      l AS MATERIALIZED (
        SELECT z.zone, ${params.from}::timestamptz AT TIME ZONE z.zone AS f, ${params.to}::timestamptz AT TIME ZONE z.zone AS t,
          (${params.from}::timestamptz - interval '1 microsecond') AT TIME ZONE z.zone AS before_f, (${params.to}::timestamptz - interval '1 microsecond') AT TIME ZONE z.zone AS before_t
        FROM z
      )
      SELECT l.zone, s.zones, s.stale_since IS NOT NULL AS stale, to_char(l.f::date, 'YYYY-MM-DD') AS from_day, to_char(l.t::date, 'YYYY-MM-DD') AS to_day,
        -- Whole local days: each end is the first instant of its local date.
        l.f < l.t AND l.f::time = '00:00' AND l.t::time = '00:00' AND l.before_f::date < l.f::date AND l.before_t::date < l.t::date AS whole
      FROM l LEFT JOIN mirror_rollup_state s ON s.merchant_id = ${params.merchantId}`),
  );
  const zones = (typeof r.zones === "string" ? JSON.parse(r.zones) : (r.zones ?? {})) as Record<string, string>;
  const wholeSeller = !r.stale && (params.locationId === undefined || Object.keys(zones).every((k) => k === params.locationId));
  const base = { params, zone: r.zone, fromDay: r.from_day, toDay: r.to_day, wholeSeller };
  if (r.stale || !r.whole) return { ...base, rolled: [], live: "all", everyLocationRolled: false };
  const keys = params.locationId !== undefined ? [params.locationId] : Object.keys(zones);
  // A location without rollups has no completed payments yet: its (empty) rollups are current.
  const inZone = (key: string) => (zones[key] ?? r.zone) === r.zone;
  const live = keys.filter((k) => !inZone(k));
  return { ...base, rolled: keys.filter(inZone), live, everyLocationRolled: params.locationId === undefined && !live.length };
}

/** planSales once per request and range (a page's reports share it); outside a render, every call plans. */
const cachedPlan = cache((db: Db, merchantId: string, from: string, to: string, timezone?: string, locationId?: string) =>
  planSales(db, { merchantId, from, to, timezone, locationId }),
);
export const planFor = (db: Db, p: ReportParams) => cachedPlan(db, p.merchantId, p.from, p.to, p.timezone, p.locationId);

/** Completed payments of the plan's range and location, read from the payments (`p`). */
function livePayments(plan: SalesPlan): SQL {
  const p = plan.params;
  const where = sql`p.merchant_id = ${p.merchantId} AND p.status = 'COMPLETED' AND p.created_at >= ${p.from}::timestamptz AND p.created_at < ${p.to}::timestamptz
    ${p.locationId !== undefined ? sql`AND p.location_id = ${p.locationId}` : sql``}
    ${plan.live === "all" ? sql`` : sql`AND coalesce(p.location_id, '') = ANY(${textArray(plan.live)})`}`;
  return where;
}

/** The plan reads one location's rollups and nothing else: each day's buyers are that row's. */
export const singleRolledLocation = (plan: SalesPlan) => plan.live !== "all" && !plan.live.length && plan.rolled.length === 1;

const hasLive = (plan: SalesPlan) => plan.live === "all" || plan.live.length > 0;
/** The rolled-up days and locations of the plan (rows of any per-location-and-day rollup). */
export const dayRange = (plan: SalesPlan) =>
  sql`day >= ${plan.fromDay}::date AND day < ${plan.toDay}::date ${plan.everyLocationRolled ? sql`` : sql`AND location_id = ANY(${textArray(plan.rolled)})`}`;

/** 1 when a payment (`p`) is its order's first completed one: the sale. */
const firstOfOrder = sql`CASE WHEN p.order_id IS NULL OR NOT EXISTS (SELECT 1 FROM mirror_payments q WHERE q.merchant_id = p.merchant_id AND q.order_id = p.order_id
  AND q.status = 'COMPLETED' AND q.created_at IS NOT NULL AND (q.created_at, q.id) < (p.created_at, p.id)) THEN 1 ELSE 0 END`;

/**
 * Sales per local day as rows (day, revenue, payments, sales, revenue_without, payments_without,
 * buyers): the rollups' rows and, for what they cannot answer, one row per payment. Distinct buyers
 * do not add up across locations or payments: only singleRolledLocation plans read them.
 */
export function salesDays(plan: SalesPlan): SQL {
  const m = plan.params.merchantId;
  const parts: SQL[] = [];
  if (plan.rolled.length)
    parts.push(sql`SELECT day, revenue, payments, sales, revenue_without_customer AS revenue_without, payments_without_customer AS payments_without, buyers
      FROM mirror_sales_days WHERE merchant_id = ${m} AND ${dayRange(plan)}`);
  if (hasLive(plan))
    parts.push(sql`SELECT (p.created_at AT TIME ZONE ${plan.zone}::text)::date AS day, p.total_amount AS revenue, 1 AS payments, ${firstOfOrder} AS sales,
        CASE WHEN p.attributed_customer_id IS NULL THEN p.total_amount ELSE 0 END AS revenue_without, CASE WHEN p.attributed_customer_id IS NULL THEN 1 ELSE 0 END AS payments_without,
        NULL::int AS buyers
      FROM mirror_payments p WHERE ${livePayments(plan)}`);
  return unionAll(parts, sql`SELECT NULL::date AS day, 0::bigint AS revenue, 0 AS payments, 0 AS sales, 0::bigint AS revenue_without, 0 AS payments_without, 0 AS buyers WHERE false`);
}

/** Sales per local day and tender as rows (day, source_type, card_brand, revenue, payments). */
export function tenderDays(plan: SalesPlan): SQL {
  const m = plan.params.merchantId;
  const parts: SQL[] = [];
  if (plan.rolled.length) parts.push(sql`SELECT day, source_type, card_brand, revenue, payments FROM mirror_tender_days WHERE merchant_id = ${m} AND ${dayRange(plan)}`);
  if (hasLive(plan))
    parts.push(sql`SELECT (p.created_at AT TIME ZONE ${plan.zone}::text)::date AS day, coalesce(p.source_type, 'OTHER') AS source_type,
        CASE WHEN p.source_type = 'CARD' THEN coalesce(p.card_brand, '') ELSE '' END AS card_brand, p.total_amount AS revenue, 1 AS payments
      FROM mirror_payments p WHERE ${livePayments(plan)}`);
  return unionAll(parts, sql`SELECT NULL::date AS day, NULL::text AS source_type, NULL::text AS card_brand, 0::bigint AS revenue, 0 AS payments WHERE false`);
}

/** What each attributed customer paid per local day: rows (day, customer_id, spend, payments, last_payment_at). */
export function customerDays(plan: SalesPlan): SQL {
  const m = plan.params.merchantId;
  const parts: SQL[] = [];
  if (plan.rolled.length) parts.push(sql`SELECT day, customer_id, spend, payments, last_payment_at FROM mirror_customer_days WHERE merchant_id = ${m} AND ${dayRange(plan)}`);
  if (hasLive(plan))
    parts.push(sql`SELECT (p.created_at AT TIME ZONE ${plan.zone}::text)::date AS day, p.attributed_customer_id AS customer_id, p.total_amount AS spend, 1 AS payments, p.created_at AS last_payment_at
      FROM mirror_payments p WHERE ${livePayments(plan)} AND p.attributed_customer_id IS NOT NULL`);
  return unionAll(parts, sql`SELECT NULL::date AS day, NULL::text AS customer_id, 0::bigint AS spend, 0 AS payments, NULL::timestamptz AS last_payment_at WHERE false`);
}

function unionAll(parts: SQL[], empty: SQL): SQL {
  return parts.length ? sql.join(parts, sql` UNION ALL `) : empty;
}
