import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * The columns the backfill's own statements look rows up by (ids, order ids, payment ids), per
 * table. Without statistics on them the planner guesses that `id = ANY(500 ids)` matches much of
 * a table and scans it whole; with them it uses the indexes. Analysing only these columns skips
 * the raw JSON ones, which cost most of a full ANALYZE (each sampled row decompressed and compared)
 * and help no lookup. The views' full statistics are refreshed once, at the end.
 */
const LOOKUP_COLUMNS: Record<string, string[]> = {
  mirror_customers: ["merchant_id", "id"],
  mirror_cards: ["merchant_id", "id"],
  mirror_gift_cards: ["merchant_id", "id"],
  mirror_gift_card_customers: ["merchant_id", "gift_card_id"],
  mirror_orders: ["merchant_id", "id"],
  mirror_order_tenders: ["merchant_id", "order_id", "payment_id"],
  mirror_order_customers: ["merchant_id", "order_id"],
  mirror_payments: ["merchant_id", "id", "order_id"],
  customer_aliases: ["merchant_id", "old_customer_id"],
};

export async function analyzeLookupColumns(db: Db): Promise<void> {
  const targets = Object.entries(LOOKUP_COLUMNS).map(([table, columns]) => `${table} (${columns.join(", ")})`);
  await db.execute(sql.raw(`ANALYZE ${targets.join(", ")}`));
}

/** Refreshes those statistics each time the backfill has written twice as much as at the last refresh. */
export function lookupStatisticsRefresher(db: Db) {
  let written = 0;
  let next = 2_000;
  return async (count: number) => {
    written += count;
    if (written < next) return;
    next = written * 2;
    await analyzeLookupColumns(db);
  };
}
