import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import type { Money } from "@/lib/square/types";
import type { Db } from "../open";
import { groupIds } from "./customer-cards";
import type { CustomerProfileParams } from "./customer-profile";
import { isoOrNull, num, rowsOf } from "./mirror-sql";

export interface CustomerGiftCard {
  id: string;
  gan: string | null;
  type: string;
  state: string | null;
  balance: Money;
  createdAt: string | null;
  /** The customer id the card is linked under (an old id after a merge): unlinking names it. */
  linkedAs: string;
  /**
   * The latest payment the mirror has with this card (gift card payments carry the GAN's last 4 and
   * first 6 as card_details), else when it was created. Loads and adjustments are not in the mirror.
   */
  lastActivityAt: string | null;
}

/** Gift cards on file for any of the customer's merged profiles, newest first. */
export function listCustomerGiftCards(db: Db, params: CustomerProfileParams): Promise<CustomerGiftCard[]> {
  return listCustomerGiftCardsOnce(db, params.merchantId, params.customerId);
}

// Once per request: the gift card, charge and new-order panels of a customer page all list them.
const listCustomerGiftCardsOnce = cache(async (db: Db, m: string, customerId: string): Promise<CustomerGiftCard[]> => {
  const result = await db.execute(sql`
    SELECT DISTINCT ON (g.id) g.id, g.gan, g.type, g.state, g.balance_amount, g.created_at, l.customer_id AS linked_as,
      coalesce(g.currency, (SELECT currency FROM sellers WHERE merchant_id = ${m})) AS currency,
      greatest(g.created_at, (
        SELECT max(p.created_at) FROM mirror_payments p
        WHERE p.merchant_id = ${m} AND p.card_brand = 'SQUARE_GIFT_CARD' AND p.last_4 = right(g.gan, 4)
          AND p.raw->'card_details'->'card'->>'bin' = left(g.gan, 6)
      )) AS last_activity_at
    FROM mirror_gift_card_customers l
    JOIN mirror_gift_cards g ON g.merchant_id = l.merchant_id AND g.id = l.gift_card_id
    WHERE l.merchant_id = ${m} AND l.customer_id IN ${groupIds(m, customerId)}
    ORDER BY g.id, l.customer_id`);
  return rowsOf<Record<string, unknown>>(result)
    .map((r) => ({
      id: String(r.id),
      gan: (r.gan as string) ?? null,
      type: String(r.type),
      state: (r.state as string) ?? null,
      balance: { amount: num(r.balance_amount), currency: String(r.currency ?? "USD") },
      createdAt: isoOrNull(r.created_at),
      linkedAs: String(r.linked_as),
      lastActivityAt: isoOrNull(r.last_activity_at),
    }))
    .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
});

