import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../open";
import { rowsOf, textArray } from "./mirror-sql";

/**
 * What the Orders, Payments and Reports pages filter by, as SQL over the mirror, shared by the
 * lists and their CSV exports so a download holds exactly the rows the page shows.
 */

/** The source shown for orders Patron's own checkout made, whatever the application's name at Square. */
export const PATRON_CHECKOUT = "Patron checkout";

/**
 * An order's channel: Patron's checkout when Patron's own checkout records made it (one hashed
 * lookup, not a read of every order's raw JSON), else Square's `source.name`.
 */
export const channelOf = (alias: string, merchantId: string): SQL =>
  sql`CASE WHEN ${sql.raw(alias)}.id IN (SELECT a.order_id FROM checkout_attempts a WHERE a.merchant_id = ${merchantId} AND a.order_id IS NOT NULL)
    THEN ${sql.raw(`'${PATRON_CHECKOUT}'`)} ELSE coalesce(${sql.raw(alias)}.source_name, 'Unknown') END`;

export interface HistoryFilterParams {
  merchantId: string;
  /** created_at range: from inclusive, to exclusive (ISO). */
  from?: string;
  to?: string;
  locationId?: string;
  /** Channels (channelOf): "Square Online", "Patron checkout", … */
  sources?: string[];
  /** Only sales nobody is attributed to. */
  withoutCustomer?: boolean;
  /** Only sales attributed to someone. */
  withCustomer?: boolean;
}

/** AND-conditions on `o` (mirror_orders) for the shared filters. */
export function orderConditions(p: HistoryFilterParams & { states?: string[] }): SQL {
  const m = p.merchantId;
  // Sales with no customer are one range of the attribution table's (customer, date) index.
  const unattributed = sql`o.id IN (SELECT oc.order_id FROM mirror_order_customers oc WHERE oc.merchant_id = ${m} AND oc.customer_id IS NULL
    ${p.from ? sql`AND oc.order_created_at >= ${p.from}::timestamptz` : sql``} ${p.to ? sql`AND oc.order_created_at < ${p.to}::timestamptz` : sql``})`;
  const attributed = sql`EXISTS (SELECT 1 FROM mirror_order_customers oc WHERE oc.merchant_id = ${m} AND oc.order_id = o.id AND oc.customer_id IS NOT NULL)`;
  return sql.join(
    [
      p.from ? sql`AND o.created_at >= ${p.from}::timestamptz` : sql``,
      p.to ? sql`AND o.created_at < ${p.to}::timestamptz` : sql``,
      p.locationId ? sql`AND o.location_id = ${p.locationId}` : sql``,
      p.states?.length ? sql`AND o.state = ANY(${textArray(p.states)})` : sql``,
      p.sources?.length ? sql`AND ${channelOf("o", m)} = ANY(${textArray(p.sources)})` : sql``,
      p.withoutCustomer ? sql`AND ${unattributed}` : sql``,
      p.withCustomer ? sql`AND ${attributed}` : sql``,
    ],
    sql` `,
  );
}

/** AND-conditions on `p` (mirror_payments) joined to its order as `o` (LEFT JOIN). */
export function paymentConditions(p: HistoryFilterParams & { statuses?: string[]; cardBrands?: string[] }): SQL {
  const m = p.merchantId;
  return sql.join(
    [
      p.from ? sql`AND p.created_at >= ${p.from}::timestamptz` : sql``,
      p.to ? sql`AND p.created_at < ${p.to}::timestamptz` : sql``,
      p.locationId ? sql`AND p.location_id = ${p.locationId}` : sql``,
      p.statuses?.length ? sql`AND p.status = ANY(${textArray(p.statuses)})` : sql``,
      p.cardBrands?.length ? sql`AND p.card_brand = ANY(${textArray(p.cardBrands)})` : sql``,
      p.sources?.length ? sql`AND ${channelOf("o", m)} = ANY(${textArray(p.sources)})` : sql``,
      p.withoutCustomer ? sql`AND p.attributed_customer_id IS NULL` : sql``,
      p.withCustomer ? sql`AND p.attributed_customer_id IS NOT NULL` : sql``,
    ],
    sql` `,
  );
}

export interface HistoryLocation {
  id: string;
  name: string;
  timezone: string | null;
  currency: string | null;
  main: boolean;
}

/** The seller's locations for the filter, the main one first. */
export async function listHistoryLocations(db: Db, { merchantId }: { merchantId: string }): Promise<HistoryLocation[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT l.id, l.name, l.timezone, l.currency, (l.id = s.main_location_id) AS main
      FROM mirror_locations l JOIN sellers s ON s.merchant_id = l.merchant_id
      WHERE l.merchant_id = ${merchantId}
      ORDER BY (l.id = s.main_location_id) DESC NULLS LAST, l.name, l.id`),
  );
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), timezone: (r.timezone as string) ?? null, currency: (r.currency as string) ?? null, main: r.main === true }));
}
