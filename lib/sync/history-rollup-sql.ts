import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { textArray } from "@/lib/db/queries/mirror-sql";
import type { Tx } from "./mirror-lock";
import type { Bucket } from "./sales-rollup-sql";

/**
 * The statements behind the Orders and Payments pages' counts (lib/db/schema/mirror-history-rollups.ts):
 * orders and payments of any state per (location, local day) bucket, recomputed for a few buckets
 * after a write (only differing rows written) or for the whole seller.
 */

const ATTRIBUTION = (m: string) => sql`CASE
  WHEN EXISTS (SELECT 1 FROM mirror_order_customers oc WHERE oc.merchant_id = ${m} AND oc.order_id = o.id AND oc.customer_id IS NOT NULL) THEN 'customer'
  WHEN EXISTS (SELECT 1 FROM mirror_order_customers oc WHERE oc.merchant_id = ${m} AND oc.order_id = o.id) THEN 'none' ELSE '' END`;

const ORDER_ROW = (m: string) => sql`coalesce(o.state, '') AS state, coalesce(o.source_name, 'Unknown') AS source, ${ATTRIBUTION(m)} AS attribution`;
const PAYMENT_ROW = sql`coalesce(p.status, '') AS status, coalesce(p.card_brand, '') AS card_brand,
  coalesce((SELECT o.source_name FROM mirror_orders o WHERE o.merchant_id = p.merchant_id AND o.id = p.order_id), 'Unknown') AS source,
  p.attributed_customer_id IS NOT NULL AS attributed`;

/** The buckets as `b` (merchant_id, location_id, day, tz), for a LATERAL range of a created_at index each. */
const bucketsCte = (m: string, buckets: Bucket[]) => sql`b AS (
  SELECT ${m}::text AS merchant_id, b.location_id, b.day, coalesce(l.timezone, 'UTC') AS tz
  FROM unnest(${textArray(buckets.map((x) => x.locationId))}, ${textArray(buckets.map((x) => x.day))}::date[]) AS b(location_id, day)
  LEFT JOIN mirror_locations l ON l.merchant_id = ${m} AND l.id = b.location_id)`;

/** Rows of `table` (alias `r`) in bucket `b`, a day's range of its created_at index with a margin for DST. */
const inBucket = (alias: string) =>
  sql.raw(`${alias}.created_at >= (b.day::timestamp AT TIME ZONE b.tz) - interval '3 hours' AND ${alias}.created_at < ((b.day + 1)::timestamp AT TIME ZONE b.tz) + interval '3 hours'
    AND coalesce(${alias}.location_id, '') = b.location_id AND (${alias}.created_at AT TIME ZONE b.tz)::date = b.day`);

/** Brings these buckets' order and payment counts to what the rows say. */
export async function recomputeHistoryBuckets(tx: Tx, m: string, orderBuckets: Bucket[], paymentBuckets: Bucket[]): Promise<void> {
  if (orderBuckets.length)
    await tx.execute(
      merge(
        m,
        orderBuckets,
        sql`SELECT b.location_id AS loc, b.day, x.state, x.source, x.attribution FROM b CROSS JOIN LATERAL (
          SELECT ${ORDER_ROW(m)} FROM mirror_orders o WHERE o.merchant_id = ${m} AND ${inBucket("o")} OFFSET 0) x`,
        "mirror_order_days",
        ["state", "source", "attribution"],
        "orders",
      ),
    );
  if (paymentBuckets.length)
    await tx.execute(
      merge(
        m,
        paymentBuckets,
        sql`SELECT b.location_id AS loc, b.day, x.status, x.card_brand, x.source, x.attributed FROM b CROSS JOIN LATERAL (
          SELECT ${PAYMENT_ROW} FROM mirror_payments p WHERE p.merchant_id = ${m} AND ${inBucket("p")} OFFSET 0) x`,
        "mirror_payment_days",
        ["status", "card_brand", "source", "attributed"],
        "payments",
      ),
    );
}

/** One statement: count `rows` per key, delete the buckets' rows whose key is gone, upsert the rest where they differ. */
function merge(m: string, buckets: Bucket[], rows: SQL, table: string, keys: string[], count: string): SQL {
  const key = keys.join(", ");
  return sql`
    WITH ${bucketsCte(m, buckets)},
    f AS (SELECT ${m}::text AS merchant_id, x.day, x.loc AS location_id, ${sql.raw(keys.map((k) => `x.${k}`).join(", "))}, count(*)::int AS n FROM (${rows}) x GROUP BY 2, 3, ${sql.raw(keys.map((k) => `x.${k}`).join(", "))}),
    gone AS (
      DELETE FROM ${sql.raw(table)} d USING b WHERE d.merchant_id = b.merchant_id AND d.day = b.day AND d.location_id = b.location_id
        AND NOT EXISTS (SELECT 1 FROM f WHERE f.day = d.day AND f.location_id = d.location_id AND ${sql.raw(keys.map((k) => `f.${k} = d.${k}`).join(" AND "))})
    )
    INSERT INTO ${sql.raw(table)} AS t (merchant_id, day, location_id, ${sql.raw(key)}, ${sql.raw(count)}) SELECT * FROM f
    ON CONFLICT (merchant_id, day, location_id, ${sql.raw(key)}) DO UPDATE SET ${sql.raw(count)} = excluded.${sql.raw(count)} WHERE t.${sql.raw(count)} <> excluded.${sql.raw(count)}`;
}

/** Rewrites every order and payment count of the seller, or of these locations, in day order (joins, not a lookup per row). */
export async function recomputeHistoryLocations(tx: Tx, m: string, locationIds: string[] | "all"): Promise<void> {
  const only = locationIds === "all" ? sql`` : sql`AND location_id = ANY(${textArray(locationIds)})`;
  const where = (alias: string) => (locationIds === "all" ? sql`` : sql`AND coalesce(${sql.raw(alias)}.location_id, '') = ANY(${textArray(locationIds)})`);
  await tx.execute(sql`DELETE FROM mirror_order_days WHERE merchant_id = ${m} ${only}`);
  await tx.execute(sql`DELETE FROM mirror_payment_days WHERE merchant_id = ${m} ${only}`);
  await tx.execute(sql`
    INSERT INTO mirror_order_days (merchant_id, day, location_id, state, source, attribution, orders)
    SELECT ${m}, x.day, x.loc, x.state, x.source, x.attribution, count(*) FROM (
      SELECT (o.created_at AT TIME ZONE coalesce(l.timezone, 'UTC'))::date AS day, coalesce(o.location_id, '') AS loc,
        coalesce(o.state, '') AS state, coalesce(o.source_name, 'Unknown') AS source,
        CASE WHEN a.customer THEN 'customer' WHEN a.order_id IS NOT NULL THEN 'none' ELSE '' END AS attribution
      FROM mirror_orders o
      LEFT JOIN mirror_locations l ON l.merchant_id = o.merchant_id AND l.id = o.location_id
      LEFT JOIN (SELECT order_id, bool_or(customer_id IS NOT NULL) AS customer FROM mirror_order_customers WHERE merchant_id = ${m} GROUP BY 1) a ON a.order_id = o.id
      WHERE o.merchant_id = ${m} AND o.created_at IS NOT NULL ${where("o")}
    ) x GROUP BY 2, 3, 4, 5, 6 ORDER BY 2`);
  await tx.execute(sql`
    INSERT INTO mirror_payment_days (merchant_id, day, location_id, status, card_brand, source, attributed, payments)
    SELECT ${m}, x.day, x.loc, x.status, x.card_brand, x.source, x.attributed, count(*) FROM (
      SELECT (p.created_at AT TIME ZONE coalesce(l.timezone, 'UTC'))::date AS day, coalesce(p.location_id, '') AS loc,
        coalesce(p.status, '') AS status, coalesce(p.card_brand, '') AS card_brand, coalesce(o.source_name, 'Unknown') AS source,
        p.attributed_customer_id IS NOT NULL AS attributed
      FROM mirror_payments p
      LEFT JOIN mirror_locations l ON l.merchant_id = p.merchant_id AND l.id = p.location_id
      LEFT JOIN mirror_orders o ON o.merchant_id = p.merchant_id AND o.id = p.order_id
      WHERE p.merchant_id = ${m} AND p.created_at IS NOT NULL ${where("p")}
    ) x GROUP BY 2, 3, 4, 5, 6, 7 ORDER BY 2`);
}
