import "server-only";
import { sql } from "drizzle-orm";
import { textArray } from "@/lib/db/queries/mirror-sql";
import type { Tx } from "./mirror-lock";

/**
 * The statements that (re)compute the sales rollups (lib/db/schema/mirror-sales-rollups.ts) from
 * mirror_payments: for a few (location, local day) buckets after a write, or for whole locations.
 * Both count the same thing: completed payments by the local day of their location's zone; a
 * payment is its order's sale when no completed payment of that order came before it.
 */

export interface Bucket {
  /** The location key ('' for payments with no location). */
  locationId: string;
  /** Local date, YYYY-MM-DD. */
  day: string;
}

/** The rollup rows of `x` (loc, day, total_amount, customer_id, source_type, card_brand, first, created_at) as three aggregates. */
const aggregates = (m: string) => sql`
  fs AS (
    SELECT ${m}::text AS merchant_id, x.day, x.loc AS location_id, sum(x.total_amount) AS revenue, count(*)::int AS payments,
      (count(*) FILTER (WHERE x.first))::int AS sales, coalesce(sum(x.total_amount) FILTER (WHERE x.customer_id IS NULL), 0) AS revenue_without_customer,
      (count(*) FILTER (WHERE x.customer_id IS NULL))::int AS payments_without_customer, count(DISTINCT x.customer_id)::int AS buyers
    FROM x GROUP BY x.day, x.loc
  ),
  ft AS (
    SELECT ${m}::text AS merchant_id, x.day, x.loc AS location_id, coalesce(x.source_type, 'OTHER') AS source_type,
      CASE WHEN x.source_type = 'CARD' THEN coalesce(x.card_brand, '') ELSE '' END AS card_brand, sum(x.total_amount) AS revenue, count(*)::int AS payments
    FROM x GROUP BY 2, 3, 4, 5
  ),
  fc AS (
    SELECT ${m}::text AS merchant_id, x.day, x.loc AS location_id, x.customer_id, sum(x.total_amount) AS spend, count(*)::int AS payments, max(x.created_at) AS last_payment_at
    FROM x WHERE x.customer_id IS NOT NULL GROUP BY 2, 3, 4
  )`;

const SALES = "merchant_id, day, location_id, revenue, payments, sales, revenue_without_customer, payments_without_customer, buyers";
const TENDERS = "merchant_id, day, location_id, source_type, card_brand, revenue, payments";
const CUSTOMERS = "merchant_id, day, location_id, customer_id, spend, payments, last_payment_at";

/**
 * Brings these buckets' rollup rows to what their payments say, in one statement: rows whose key
 * is gone are deleted, changed rows updated, unchanged rows left alone (a new payment rewrites one
 * customer-day, not the whole day).
 */
export async function recomputeBuckets(tx: Tx, m: string, buckets: Bucket[]): Promise<void> {
  if (!buckets.length) return;
  const gone = (table: string, fresh: string, key: string) =>
    sql.raw(`DELETE FROM ${table} d USING b WHERE d.merchant_id = b.merchant_id AND d.day = b.day AND d.location_id = b.location_id
      AND NOT EXISTS (SELECT 1 FROM ${fresh} f WHERE ${key.split(",").map((k) => `f.${k.trim()} = d.${k.trim()}`).join(" AND ")})`);
  const upsert = (table: string, columns: string, fresh: string, key: string, values: string[]) =>
    sql.raw(`INSERT INTO ${table} AS t (${columns})
      SELECT * FROM ${fresh} ON CONFLICT (merchant_id, ${key}) DO UPDATE SET ${values.map((v) => `${v} = excluded.${v}`).join(", ")}
      WHERE (${values.map((v) => `t.${v}`).join(", ")}) IS DISTINCT FROM (${values.map((v) => `excluded.${v}`).join(", ")})`);
  await tx.execute(sql`
    WITH b AS (
      SELECT ${m}::text AS merchant_id, b.location_id, b.day, coalesce(l.timezone, 'UTC') AS tz
      FROM unnest(${textArray(buckets.map((x) => x.locationId))}, ${textArray(buckets.map((x) => x.day))}::date[]) AS b(location_id, day)
      LEFT JOIN mirror_locations l ON l.merchant_id = ${m} AND l.id = b.location_id
    ),
    -- Each bucket's payments: a range of the created_at index per bucket, with a margin for DST, then by local date.
    x AS MATERIALIZED (
      SELECT b.location_id AS loc, b.day, p.total_amount, p.customer_id, p.source_type, p.card_brand, p.created_at,
        (p.order_id IS NULL OR NOT EXISTS (
          SELECT 1 FROM mirror_payments q WHERE q.merchant_id = ${m} AND q.order_id = p.order_id AND q.status = 'COMPLETED'
            AND q.created_at IS NOT NULL AND (q.created_at, q.id) < (p.created_at, p.id))) AS first
      FROM b CROSS JOIN LATERAL (
        SELECT p.id, p.order_id, p.total_amount, p.attributed_customer_id AS customer_id, p.source_type, p.card_brand, p.created_at
        FROM mirror_payments p
        WHERE p.merchant_id = ${m} AND p.created_at >= (b.day::timestamp AT TIME ZONE b.tz) - interval '3 hours'
          AND p.created_at < ((b.day + 1)::timestamp AT TIME ZONE b.tz) + interval '3 hours'
          AND p.status = 'COMPLETED' AND coalesce(p.location_id, '') = b.location_id AND (p.created_at AT TIME ZONE b.tz)::date = b.day
        OFFSET 0 -- kept a subquery: flattened, the planner hash-joins every payment instead
      ) p
    ),
    ${aggregates(m)},
    ds AS (${gone("mirror_sales_days", "fs", "day, location_id")}),
    dt AS (${gone("mirror_tender_days", "ft", "day, location_id, source_type, card_brand")}),
    dc AS (${gone("mirror_customer_days", "fc", "day, location_id, customer_id")}),
    us AS (${upsert("mirror_sales_days", SALES, "fs", "day, location_id", ["revenue", "payments", "sales", "revenue_without_customer", "payments_without_customer", "buyers"])}),
    ut AS (${upsert("mirror_tender_days", TENDERS, "ft", "day, location_id, source_type, card_brand", ["revenue", "payments"])})
    ${upsert("mirror_customer_days", CUSTOMERS, "fc", "day, location_id, customer_id", ["spend", "payments", "last_payment_at"])}`);
}

/** Rewrites every rollup row of the seller, or of these locations (after a location's zone changed), in day order. */
export async function recomputeLocations(tx: Tx, m: string, locationIds: string[] | "all"): Promise<void> {
  const only = locationIds === "all" ? sql`` : sql`AND location_id = ANY(${textArray(locationIds)})`;
  for (const table of ["mirror_sales_days", "mirror_tender_days", "mirror_customer_days"]) await tx.execute(sql`DELETE FROM ${sql.raw(table)} WHERE merchant_id = ${m} ${only}`);
  await tx.execute(sql`
    WITH x AS MATERIALIZED (
      SELECT * FROM (
        SELECT coalesce(p.location_id, '') AS loc, (p.created_at AT TIME ZONE coalesce(l.timezone, 'UTC'))::date AS day, p.total_amount,
          p.attributed_customer_id AS customer_id, p.source_type, p.card_brand, p.created_at,
          row_number() OVER (PARTITION BY p.order_id IS NULL, coalesce(p.order_id, p.id) ORDER BY p.created_at, p.id) = 1 AS first
        FROM mirror_payments p LEFT JOIN mirror_locations l ON l.merchant_id = p.merchant_id AND l.id = p.location_id
        WHERE p.merchant_id = ${m} AND p.status = 'COMPLETED' AND p.created_at IS NOT NULL
      ) y WHERE true ${locationIds === "all" ? sql`` : sql`AND y.loc = ANY(${textArray(locationIds)})`}
    ),
    ${aggregates(m)},
    s AS (INSERT INTO mirror_sales_days (${sql.raw(SALES)}) SELECT * FROM fs ORDER BY day),
    t AS (INSERT INTO mirror_tender_days (${sql.raw(TENDERS)}) SELECT * FROM ft ORDER BY day)
    INSERT INTO mirror_customer_days (${sql.raw(CUSTOMERS)}) SELECT * FROM fc ORDER BY day`);
}
