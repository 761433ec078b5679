import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { textArray } from "@/lib/db/queries/mirror-sql";
import type { Tx } from "./mirror-lock";

/**
 * Recomputes mirror_customer_stats for the given customer ids (as recorded anywhere: each is
 * resolved to its surviving profile), or for every customer of the seller ("all", after a
 * backfill): one grouped statement over the indexed rows. Stats of merged-away ids are removed.
 */
export async function recomputeCustomerStats(tx: Tx, merchantId: string, ids: Iterable<string> | "all"): Promise<void> {
  const m = merchantId;
  let input: SQL;
  if (ids === "all") {
    await tx.execute(sql`DELETE FROM mirror_customer_stats WHERE merchant_id = ${m}`);
    input = sql`SELECT id FROM mirror_customers WHERE merchant_id = ${m}
      UNION SELECT attributed_customer_id FROM mirror_payments WHERE merchant_id = ${m} AND attributed_customer_id IS NOT NULL
      UNION SELECT customer_id FROM mirror_order_customers WHERE merchant_id = ${m} AND customer_id IS NOT NULL`;
  } else {
    const list = [...new Set(ids)];
    if (!list.length) return;
    await tx.execute(sql`DELETE FROM mirror_customer_stats s USING customer_aliases a
      WHERE s.merchant_id = ${m} AND a.merchant_id = ${m} AND a.old_customer_id = s.customer_id AND s.customer_id = ANY(${textArray(list)})`);
    input = sql`SELECT unnest(${textArray(list)}) AS id`;
  }
  await tx.execute(sql`
    WITH input(id) AS (${input}),
    targets AS (
      SELECT DISTINCT coalesce(a.surviving_customer_id, i.id) AS customer_id
      FROM input i LEFT JOIN customer_aliases a ON a.merchant_id = ${m} AND a.old_customer_id = i.id
    ),
    recorded AS (
      SELECT customer_id AS recorded_id, customer_id FROM targets
      UNION SELECT a.old_customer_id, a.surviving_customer_id
        FROM customer_aliases a JOIN targets t ON a.merchant_id = ${m} AND a.surviving_customer_id = t.customer_id
    ),
    pay AS (
      SELECT p.attributed_customer_id AS customer_id,
        count(*) AS payments,
        coalesce(sum(p.total_amount) FILTER (WHERE p.status = 'COMPLETED'), 0) AS spend,
        count(DISTINCT (p.created_at AT TIME ZONE coalesce(l.timezone, 'UTC'))::date) FILTER (WHERE p.status = 'COMPLETED') AS visits,
        min(p.created_at) FILTER (WHERE p.status = 'COMPLETED') AS first_visit,
        max(p.created_at) FILTER (WHERE p.status = 'COMPLETED') AS last_visit
      FROM mirror_payments p
      LEFT JOIN mirror_locations l ON l.merchant_id = p.merchant_id AND l.id = p.location_id
      WHERE p.merchant_id = ${m} AND p.attributed_customer_id IN (SELECT customer_id FROM targets)
      GROUP BY 1
    ),
    ord AS (
      SELECT customer_id, count(*) FILTER (WHERE order_state IN ('OPEN', 'COMPLETED')) AS orders
      FROM mirror_order_customers
      WHERE merchant_id = ${m} AND customer_id IN (SELECT customer_id FROM targets)
      GROUP BY 1
    ),
    cards AS (
      SELECT r.customer_id, count(DISTINCT c.id) AS cards
      FROM mirror_cards c JOIN recorded r ON c.customer_id = r.recorded_id
      WHERE c.merchant_id = ${m} AND c.enabled
      GROUP BY 1
    ),
    gifts AS (
      SELECT r.customer_id, count(DISTINCT g.gift_card_id) AS gift_cards
      FROM mirror_gift_card_customers g JOIN recorded r ON g.customer_id = r.recorded_id
      WHERE g.merchant_id = ${m}
      GROUP BY 1
    )
    INSERT INTO mirror_customer_stats AS s (merchant_id, customer_id, order_count, payment_count, lifetime_spend, visit_count,
      first_visit_at, last_visit_at, card_count, gift_card_count, updated_at)
    SELECT ${m}, t.customer_id, coalesce(ord.orders, 0), coalesce(pay.payments, 0), coalesce(pay.spend, 0), coalesce(pay.visits, 0),
      pay.first_visit, pay.last_visit, coalesce(cards.cards, 0), coalesce(gifts.gift_cards, 0), now()
    FROM targets t
    LEFT JOIN pay ON pay.customer_id = t.customer_id
    LEFT JOIN ord ON ord.customer_id = t.customer_id
    LEFT JOIN cards ON cards.customer_id = t.customer_id
    LEFT JOIN gifts ON gifts.customer_id = t.customer_id
    ON CONFLICT (merchant_id, customer_id) DO UPDATE SET
      order_count = excluded.order_count, payment_count = excluded.payment_count, lifetime_spend = excluded.lifetime_spend,
      visit_count = excluded.visit_count, first_visit_at = excluded.first_visit_at, last_visit_at = excluded.last_visit_at,
      card_count = excluded.card_count, gift_card_count = excluded.gift_card_count, updated_at = excluded.updated_at`);
}
