import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { isoOrNull, rowsOf, textArray } from "@/lib/db/queries/mirror-sql";
import type { Db } from "@/lib/db/client";
import { recomputeCustomerStats } from "./customer-stats";
import { inMirrorTransaction, type Tx } from "./mirror-lock";
import { recomputeHistoryBuckets, recomputeHistoryLocations } from "./history-rollup-sql";
import { recomputeBuckets, recomputeLocations, type Bucket } from "./sales-rollup-sql";

/**
 * Keeps the rollups (the sales ones, and the Orders and Payments pages' counts) equal to what the
 * payments and orders say, in the same transaction as every write to them: the (location, local
 * day) buckets a write could change are recomputed from the rows. A write that skips this (a
 * backfill's batches) marks them stale instead, and readers use the rows until `rebuildSalesRollups`.
 */

/** Where rows were before a write: a write that moved one (Square never does) still refreshes the day it left. */
export interface Places {
  places: { locationId: string; createdAt: string }[];
  /** For payments: their orders, whose other payments' sale may change. */
  orderIds: string[];
}

export async function placesBefore(tx: Tx, m: string, table: "mirror_payments" | "mirror_orders", ids: string[]): Promise<Places> {
  if (!ids.length) return { places: [], orderIds: [] };
  const rows = rowsOf<{ location_id: string; created_at: unknown; order_id: string | null }>(
    await tx.execute(sql`SELECT coalesce(location_id, '') AS location_id, created_at, ${table === "mirror_payments" ? sql`order_id` : sql`NULL::text AS order_id`}
      FROM ${sql.raw(table)} WHERE merchant_id = ${m} AND id = ANY(${textArray(ids)})`),
  );
  return {
    places: rows.flatMap((r) => (isoOrNull(r.created_at) ? [{ locationId: r.location_id, createdAt: isoOrNull(r.created_at)! }] : [])),
    orderIds: rows.flatMap((r) => (r.order_id ? [r.order_id] : [])),
  };
}

export interface RollupChanges {
  /** Payments written or re-attributed. */
  paymentIds: string[];
  before?: Places;
  /** Orders written or re-attributed (their counts, and their payments' source). */
  orderIds?: string[];
  ordersBefore?: Places;
  /** Locations were written: one may have changed its time zone. */
  locations?: boolean;
}

interface State {
  zones: Record<string, string>;
  stale: boolean;
}

const none: Places = { places: [], orderIds: [] };

/**
 * Recomputes the buckets `changes` touch: each payment's day, its order's other payments' days
 * (which is the sale), each order's day, the days of a written order's payments (their source),
 * and where they all were before.
 */
export async function refreshSalesRollups(tx: Tx, m: string, changes: RollupChanges): Promise<void> {
  const { before = none, ordersBefore = none, orderIds = [] } = changes;
  if (!changes.paymentIds.length && !before.places.length && !orderIds.length && !ordersBefore.places.length && !changes.locations) return;
  const state = await readState(tx, m);
  if (state.stale) return;
  const current = new Map(
    rowsOf<{ id: string; tz: string }>(await tx.execute(sql`SELECT id, coalesce(timezone, 'UTC') AS tz FROM mirror_locations WHERE merchant_id = ${m}`)).map((r) => [r.id, r.tz]),
  );
  const zoneOf = (location: string) => current.get(location) ?? "UTC";
  const rezoned = Object.keys(state.zones).filter((location) => state.zones[location] !== zoneOf(location));
  const ids = textArray(changes.paymentIds);
  const payments = await bucketsOf(
    tx,
    m,
    sql`SELECT location_id, created_at FROM mirror_payments WHERE merchant_id = ${m} AND id = ANY(${ids})
      UNION ALL
      SELECT s.location_id, s.created_at FROM mirror_payments s
      WHERE s.merchant_id = ${m} AND s.order_id IN (
        SELECT order_id FROM mirror_payments WHERE merchant_id = ${m} AND id = ANY(${ids}) AND order_id IS NOT NULL
        UNION SELECT unnest(${textArray([...before.orderIds, ...orderIds])}))`,
    before,
  );
  const orders = await bucketsOf(tx, m, sql`SELECT location_id, created_at FROM mirror_orders WHERE merchant_id = ${m} AND id = ANY(${textArray(orderIds)})`, ordersBefore);

  if (rezoned.length) {
    await recomputeLocations(tx, m, rezoned);
    await recomputeHistoryLocations(tx, m, rezoned);
  }
  const fresh = (b: Bucket) => !rezoned.includes(b.locationId);
  await recomputeBuckets(tx, m, payments.filter(fresh));
  await recomputeHistoryBuckets(tx, m, orders.filter(fresh), payments.filter(fresh));
  const zones = { ...state.zones };
  for (const location of [...rezoned, ...payments.map((b) => b.locationId), ...orders.map((b) => b.locationId)]) zones[location] = zoneOf(location);
  if (rezoned.length || Object.keys(zones).length !== Object.keys(state.zones).length) await writeState(tx, m, zones, false);
}

/** The distinct (location, local day) buckets of `rows` (location_id, created_at) and of the places before. */
async function bucketsOf(tx: Tx, m: string, rows: SQL, before: Places): Promise<Bucket[]> {
  return rowsOf<{ location_id: string; day: string }>(
    await tx.execute(sql`
      WITH related AS (
        ${rows}
        UNION ALL
        SELECT nullif(b.location_id, ''), b.created_at FROM unnest(${textArray(before.places.map((p) => p.locationId))}, ${textArray(before.places.map((p) => p.createdAt))}::timestamptz[]) AS b(location_id, created_at)
      )
      SELECT DISTINCT coalesce(r.location_id, '') AS location_id, to_char((r.created_at AT TIME ZONE coalesce(l.timezone, 'UTC'))::date, 'YYYY-MM-DD') AS day
      FROM related r LEFT JOIN mirror_locations l ON l.merchant_id = ${m} AND l.id = r.location_id
      WHERE r.created_at IS NOT NULL`),
  ).map((r): Bucket => ({ locationId: r.location_id, day: r.day }));
}

/** Recomputes every rollup of the seller from the payments (a backfill's end; stale rollups), and marks them current. */
export async function rebuildSalesRollups(tx: Tx, m: string): Promise<void> {
  await recomputeLocations(tx, m, "all");
  await recomputeHistoryLocations(tx, m, "all");
  const zones = Object.fromEntries(
    rowsOf<{ location_id: string; tz: string }>(
      await tx.execute(sql`
        SELECT x.location_id, coalesce(l.timezone, 'UTC') AS tz
        FROM (SELECT DISTINCT location_id FROM mirror_payment_days WHERE merchant_id = ${m} UNION SELECT DISTINCT location_id FROM mirror_order_days WHERE merchant_id = ${m}) x
        LEFT JOIN mirror_locations l ON l.merchant_id = ${m} AND l.id = x.location_id`),
    ).map((r) => [r.location_id, r.tz]),
  );
  await writeState(tx, m, zones, true);
}

/** Writes that skip the rollups (a backfill's batches) mark them stale in the same transaction. */
export async function markSalesRollupsStale(tx: Tx, m: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO mirror_rollup_state (merchant_id, zones, stale_since) VALUES (${m}, '{}'::jsonb, now())
    ON CONFLICT (merchant_id) DO UPDATE SET stale_since = coalesce(mirror_rollup_state.stale_since, excluded.stale_since)`);
}

/**
 * Rebuilds rollups left stale (by a backfill that stopped, or an upgrade that added them) once no
 * backfill is writing; reconciliation calls this, so a stale seller is fast again within one interval.
 */
export async function rebuildStaleSalesRollups(db: Db, m: string): Promise<boolean> {
  const rebuilt = await inMirrorTransaction(db, m, async (tx) => {
    if (!(await readState(tx, m)).stale) return false;
    const [sync] = rowsOf<{ backfilling: boolean }>(
      await tx.execute(sql`SELECT backfill_started_at IS NOT NULL AND (backfill_finished_at IS NULL OR backfill_finished_at < backfill_started_at) AS backfilling
        FROM sync_sellers WHERE merchant_id = ${m}`),
    );
    if (sync?.backfilling) return false;
    // The writes that skipped the rollups skipped the per-customer aggregates too.
    await recomputeCustomerStats(tx, m, "all");
    await rebuildSalesRollups(tx, m);
    return true;
  });
  if (rebuilt) await vacuumSalesRollups(db);
  return rebuilt;
}

/**
 * After a rebuild (which rewrites every row): reclaims the old rows and sets the visibility map,
 * which embedded PGlite, having no autovacuum, would otherwise never do; outside any transaction.
 */
export async function vacuumSalesRollups(db: Db): Promise<void> {
  await db.execute(sql`VACUUM (ANALYZE) mirror_sales_days, mirror_tender_days, mirror_customer_days, mirror_order_days, mirror_payment_days`);
}

async function readState(tx: Tx, m: string): Promise<State> {
  const [row] = rowsOf<{ zones: unknown; stale: boolean }>(
    await tx.execute(sql`SELECT zones, stale_since IS NOT NULL AS stale FROM mirror_rollup_state WHERE merchant_id = ${m}`),
  );
  const zones = typeof row?.zones === "string" ? JSON.parse(row.zones) : row?.zones;
  return { zones: (zones as Record<string, string>) ?? {}, stale: row?.stale === true };
}

async function writeState(tx: Tx, m: string, zones: Record<string, string>, rebuilt: boolean): Promise<void> {
  await tx.execute(sql`
    INSERT INTO mirror_rollup_state (merchant_id, zones, stale_since, built_at) VALUES (${m}, ${JSON.stringify(zones)}::jsonb, NULL, ${rebuilt ? sql`now()` : sql`NULL`})
    ON CONFLICT (merchant_id) DO UPDATE SET zones = excluded.zones, stale_since = NULL
      ${rebuilt ? sql`, built_at = excluded.built_at` : sql``}`);
}
