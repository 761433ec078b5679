import "server-only";
import { sql } from "drizzle-orm";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import type { CustomerProfileParams } from "./customer-profile";
import { isoOrNull, num, rowsOf } from "./mirror-sql";

export interface SavableCardPayment {
  id: string;
  createdAt: string | null;
  total: Money;
  cardBrand: string | null;
  last4: string | null;
}

/**
 * The customer's recent completed payments whose card could become a card on file (CreateCard with
 * the payment id): paid with a card typed or tapped, not a gift card nor a card already on file, and
 * whose card (by fingerprint) is not already enabled on file for them.
 */
export async function listSavableCardPayments(db: Db, { merchantId: m, customerId, limit = 10 }: CustomerProfileParams & { limit?: number }): Promise<SavableCardPayment[]> {
  const result = await db.execute(sql`
    WITH target AS (
      SELECT coalesce((SELECT surviving_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND old_customer_id = ${customerId}), ${customerId}) AS id
    )
    SELECT p.id, p.created_at, p.total_amount, p.card_brand, p.last_4, coalesce(p.currency, (SELECT currency FROM sellers WHERE merchant_id = ${m})) AS currency
    FROM mirror_payments p
    WHERE p.merchant_id = ${m} AND p.attributed_customer_id = (SELECT id FROM target)
      AND p.status = 'COMPLETED' AND p.source_type = 'CARD' AND coalesce(p.card_brand, '') <> 'SQUARE_GIFT_CARD'
      AND coalesce(p.raw->'card_details'->>'entry_method', '') <> 'ON_FILE'
      AND NOT EXISTS (
        SELECT 1 FROM mirror_cards c
        WHERE c.merchant_id = ${m} AND c.enabled AND c.fingerprint IS NOT NULL AND c.fingerprint = p.card_fingerprint
          AND (c.customer_id = (SELECT id FROM target)
            OR c.customer_id IN (SELECT old_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND surviving_customer_id = (SELECT id FROM target)))
      )
    ORDER BY p.created_at DESC NULLS LAST, p.id DESC
    LIMIT ${Math.min(Math.max(limit, 1), 50)}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: String(r.id),
    createdAt: isoOrNull(r.created_at),
    total: { amount: num(r.total_amount), currency: String(r.currency ?? "USD") },
    cardBrand: (r.card_brand as string) ?? null,
    last4: (r.last_4 as string) ?? null,
  }));
}
