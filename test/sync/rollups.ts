import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/queries/mirror-sql";
import { inMirrorTransaction, type Tx } from "@/lib/sync/mirror-lock";
import { rebuildSalesRollups } from "@/lib/sync/sales-rollups";

/** Every sales rollup row of a seller, as sorted plain strings (both engines print them alike). */
export async function rollupRows(db: Db | Tx, merchantId: string): Promise<Rows> {
  const days = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT day::text, location_id, revenue::text, payments, sales, revenue_without_customer::text, payments_without_customer, buyers
      FROM mirror_sales_days WHERE merchant_id = ${merchantId}`),
  );
  const tenders = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT day::text, location_id, source_type, card_brand, revenue::text, payments FROM mirror_tender_days WHERE merchant_id = ${merchantId}`),
  );
  const customers = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT day::text, location_id, customer_id, spend::text, payments, (extract(epoch FROM last_payment_at) * 1000)::bigint::text AS last_ms
      FROM mirror_customer_days WHERE merchant_id = ${merchantId}`),
  );
  const orders = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT day::text, location_id, state, source, attribution, orders FROM mirror_order_days WHERE merchant_id = ${merchantId}`),
  );
  const payments = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT day::text, location_id, status, card_brand, source, attributed, payments FROM mirror_payment_days WHERE merchant_id = ${merchantId}`),
  );
  const line = (r: Record<string, unknown>) => Object.values(r).map(String).join("|");
  const sorted = (rows: Record<string, unknown>[]) => rows.map(line).sort();
  return { days: sorted(days), tenders: sorted(tenders), customers: sorted(customers), orders: sorted(orders), payments: sorted(payments) };
}

type Rows = { days: string[]; tenders: string[]; customers: string[]; orders: string[]; payments: string[] };

class RolledBack extends Error {}

/** The rows a rebuild from scratch would write, without keeping them (the transaction is rolled back). */
export async function rebuiltRollupRows(db: Db, merchantId: string): Promise<Rows> {
  let rows: Rows | undefined;
  try {
    await inMirrorTransaction(db, merchantId, async (tx) => {
      await rebuildSalesRollups(tx, merchantId);
      rows = await rollupRows(tx, merchantId);
      throw new RolledBack();
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
  return rows!;
}
