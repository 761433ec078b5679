import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/lib/db/queries/mirror-sql";
import type { Db } from "@/lib/db/client";

/**
 * Customer ids that orders, tenders, payments, cards or gift cards name but the mirror has no
 * profile for (not even a tombstone or an alias): profiles merged or deleted before Patron
 * subscribed, or instant profiles ListCustomers does not show.
 */
export async function listReferencedMissingCustomers(db: Db, merchantId: string): Promise<string[]> {
  const m = merchantId;
  const result = await db.execute(sql`
    SELECT r.id FROM (
      SELECT customer_id AS id FROM mirror_payments WHERE merchant_id = ${m} AND customer_id IS NOT NULL
      UNION SELECT customer_id FROM mirror_orders WHERE merchant_id = ${m} AND customer_id IS NOT NULL
      UNION SELECT customer_id FROM mirror_order_tenders WHERE merchant_id = ${m} AND customer_id IS NOT NULL
      UNION SELECT customer_id FROM mirror_cards WHERE merchant_id = ${m} AND customer_id IS NOT NULL
      UNION SELECT customer_id FROM mirror_gift_card_customers WHERE merchant_id = ${m}
    ) r
    WHERE NOT EXISTS (SELECT 1 FROM mirror_customers c WHERE c.merchant_id = ${m} AND c.id = r.id)
      AND NOT EXISTS (SELECT 1 FROM customer_aliases a WHERE a.merchant_id = ${m} AND a.old_customer_id = r.id)`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
