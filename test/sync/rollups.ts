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
  const line = (r: Record<string, unknown>) => Object.values(r).map(String).join("|");
  return { days: days.map(line).sort(), tenders: tenders.map(line).sort(), customers: customers.map(line).sort() };
}

type Rows = { days: string[]; tenders: string[]; customers: string[] };

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
