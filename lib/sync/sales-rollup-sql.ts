import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { textArray } from "@/lib/db/queries/mirror-sql";
import type { Tx } from "./mirror-lock";

/**
 * The statements that (re)compute the sales rollups (lib/db/schema/mirror-sales-rollups.ts) from
 * mirror_payments: for a few (location, local day) buckets after a write, or for whole locations.
 * Both compute the same thing: completed payments by the local day of their location's zone; a
 * payment is its order's sale when no completed payment of that order came before it.
 */

export interface Bucket {
  /** The location key ('' for payments with no location). */
  locationId: string;
  /** Local date, YYYY-MM-DD. */
  day: string;
}

const zoneOf = (m: string, location: SQL) => sql`coalesce((SELECT l.timezone FROM mirror_locations l WHERE l.merchant_id = ${m} AND l.id = ${location}), 'UTC')`;

/** Rewrites the rollup rows of these buckets from the payments in them. */
export async function recomputeBuckets(tx: Tx, m: string, buckets: Bucket[]): Promise<void> {
  if (!buckets.length) return;
  const b = sql`unnest(${textArray(buckets.map((x) => x.locationId))}, ${textArray(buckets.map((x) => x.day))}::date[]) AS b(location_id, day)`;
  await tx.execute(sql`DELETE FROM mirror_sales_days d USING ${b} WHERE d.merchant_id = ${m} AND d.day = b.day AND d.location_id = b.location_id`);
  await tx.execute(sql`DELETE FROM mirror_customer_days d USING ${b} WHERE d.merchant_id = ${m} AND d.day = b.day AND d.location_id = b.location_id`);
  // Each bucket's payments by instant (the created_at index), with a margin for DST, then by local date.
  const rows = sql`
    WITH z AS (SELECT b.location_id, b.day, ${zoneOf(m, sql`b.location_id`)} AS tz FROM ${b}),
    w AS (SELECT location_id, day, tz, (day::timestamp AT TIME ZONE tz) - interval '3 hours' AS starts, ((day + 1)::timestamp AT TIME ZONE tz) + interval '3 hours' AS ends FROM z)
    SELECT w.location_id AS loc, w.day, p.id, p.created_at, p.total_amount, p.attributed_customer_id, p.source_type, p.card_brand,
      (p.order_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM mirror_payments q WHERE q.merchant_id = ${m} AND q.order_id = p.order_id AND q.status = 'COMPLETED'
          AND q.created_at IS NOT NULL AND (q.created_at, q.id) < (p.created_at, p.id))) AS first
    FROM w JOIN mirror_payments p ON p.merchant_id = ${m} AND p.status = 'COMPLETED' AND p.created_at >= w.starts AND p.created_at < w.ends
      AND coalesce(p.location_id, '') = w.location_id AND (p.created_at AT TIME ZONE w.tz)::date = w.day`;
  await insertRollups(tx, m, rows);
}

/** Rewrites every rollup row of the seller, or of these locations (after a location's zone changed). */
export async function recomputeLocations(tx: Tx, m: string, locationIds: string[] | "all"): Promise<void> {
  const only = locationIds === "all" ? sql`` : sql`AND location_id = ANY(${textArray(locationIds)})`;
  await tx.execute(sql`DELETE FROM mirror_sales_days WHERE merchant_id = ${m} ${only}`);
  await tx.execute(sql`DELETE FROM mirror_customer_days WHERE merchant_id = ${m} ${only}`);
  const rows = sql`
    SELECT * FROM (
      SELECT coalesce(p.location_id, '') AS loc, (p.created_at AT TIME ZONE coalesce(l.timezone, 'UTC'))::date AS day, p.id, p.created_at, p.total_amount,
        p.attributed_customer_id, p.source_type, p.card_brand,
        row_number() OVER (PARTITION BY p.order_id IS NULL, coalesce(p.order_id, p.id) ORDER BY p.created_at, p.id) = 1 AS first
      FROM mirror_payments p LEFT JOIN mirror_locations l ON l.merchant_id = p.merchant_id AND l.id = p.location_id
      WHERE p.merchant_id = ${m} AND p.status = 'COMPLETED' AND p.created_at IS NOT NULL
    ) x WHERE true ${locationIds === "all" ? sql`` : sql`AND x.loc = ANY(${textArray(locationIds)})`}`;
  await insertRollups(tx, m, rows);
}

/** `rows`: (loc, day, id, created_at, total_amount, attributed_customer_id, source_type, card_brand, first) of completed payments. */
async function insertRollups(tx: Tx, m: string, rows: SQL): Promise<void> {
  await tx.execute(sql`
    INSERT INTO mirror_sales_days (merchant_id, day, location_id, source_type, card_brand, revenue, payments, sales, revenue_without_customer, payments_without_customer)
    SELECT ${m}, x.day, x.loc, coalesce(x.source_type, 'OTHER'), CASE WHEN x.source_type = 'CARD' THEN coalesce(x.card_brand, '') ELSE '' END,
      sum(x.total_amount), count(*), count(*) FILTER (WHERE x.first),
      coalesce(sum(x.total_amount) FILTER (WHERE x.attributed_customer_id IS NULL), 0), count(*) FILTER (WHERE x.attributed_customer_id IS NULL)
    FROM (${rows}) x GROUP BY 2, 3, 4, 5`);
  await tx.execute(sql`
    INSERT INTO mirror_customer_days (merchant_id, day, location_id, customer_id, spend, payments, last_payment_at)
    SELECT ${m}, x.day, x.loc, x.attributed_customer_id, sum(x.total_amount), count(*), max(x.created_at)
    FROM (${rows}) x WHERE x.attributed_customer_id IS NOT NULL GROUP BY 2, 3, 4`);
}
