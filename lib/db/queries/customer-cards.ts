import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "../open";
import type { CustomerProfileParams } from "./customer-profile";
import { isoOrNull, num, rowsOf } from "./mirror-sql";

/** The customer's merged group: the surviving id and every id merged into it, as SQL. */
export const groupIds = (m: string, customerId: string) => sql`(
  WITH target AS (
    SELECT coalesce((SELECT surviving_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND old_customer_id = ${customerId}), ${customerId}) AS id
  )
  SELECT id FROM target
  UNION SELECT old_customer_id FROM customer_aliases WHERE merchant_id = ${m} AND surviving_customer_id = (SELECT id FROM target)
)`;

export interface CustomerCard {
  id: string;
  /** The id the card was stored under (an old id keeps its cards after a merge). */
  customerId: string | null;
  cardBrand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  cardholderName: string | null;
  postalCode: string | null;
  enabled: boolean;
  createdAt: string | null;
  disabledAt: string | null;
  /** The consent Patron recorded when it saved this card, if it did. */
  consent: { wordingVersion: string; consentedAt: string; page: string } | null;
}

/** Cards on file across the customer's merged profiles, enabled first, newest first. */
export function listCustomerCards(db: Db, params: CustomerProfileParams): Promise<CustomerCard[]> {
  return listCustomerCardsOnce(db, params.merchantId, params.customerId);
}

// Once per request: the cards, charge and new-order panels of a customer page all list them.
const listCustomerCardsOnce = cache(async (db: Db, m: string, customerId: string): Promise<CustomerCard[]> => {
  const result = await db.execute(sql`
    SELECT c.id, c.customer_id, c.card_brand, c.last_4, c.exp_month, c.exp_year, c.cardholder_name, c.enabled, c.created_at, c.disabled_at,
      c.raw->'billing_address'->>'postal_code' AS postal_code, k.wording_version, k.consented_at, k.page
    FROM mirror_cards c
    LEFT JOIN LATERAL (
      SELECT wording_version, consented_at, page FROM card_consents
      WHERE merchant_id = ${m} AND card_id = c.id ORDER BY consented_at DESC LIMIT 1
    ) k ON true
    WHERE c.merchant_id = ${m} AND c.customer_id IN ${groupIds(m, customerId)}
    ORDER BY c.enabled DESC, c.created_at DESC NULLS LAST, c.id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: String(r.id),
    customerId: (r.customer_id as string) ?? null,
    cardBrand: (r.card_brand as string) ?? null,
    last4: (r.last_4 as string) ?? null,
    expMonth: r.exp_month === null || r.exp_month === undefined ? null : num(r.exp_month),
    expYear: r.exp_year === null || r.exp_year === undefined ? null : num(r.exp_year),
    cardholderName: (r.cardholder_name as string) ?? null,
    postalCode: (r.postal_code as string) ?? null,
    enabled: r.enabled === true || r.enabled === "t",
    createdAt: isoOrNull(r.created_at),
    disabledAt: isoOrNull(r.disabled_at),
    consent: r.wording_version ? { wordingVersion: String(r.wording_version), consentedAt: isoOrNull(r.consented_at)!, page: String(r.page) } : null,
  }));
});

export interface CardParams extends CustomerProfileParams {
  cardId: string;
}

/** One of the customer's cards on file, or null when it is not theirs (or not this seller's). */
export async function getCustomerCard(db: Db, params: CardParams): Promise<CustomerCard | null> {
  return (await listCustomerCards(db, params)).find((c) => c.id === params.cardId) ?? null;
}
