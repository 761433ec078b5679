import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../open";
import { cardConsents } from "../schema";

export type CardConsent = Omit<typeof cardConsents.$inferSelect, "merchantId">;

export interface RecordCardConsentParams {
  merchantId: string;
  customerId: string;
  cardId: string;
  wordingVersion: string;
  page: string;
  userAgent: string | null;
  ip: string | null;
  consentedAt?: Date;
}

export async function recordCardConsent(db: Db, params: RecordCardConsentParams): Promise<CardConsent> {
  const [row] = await db.insert(cardConsents).values(params).returning();
  return withoutSeller(row);
}

export interface ListCardConsentsParams {
  merchantId: string;
  customerId: string;
}

/** A customer's consents, newest first. */
export async function listCardConsents(db: Db, { merchantId, customerId }: ListCardConsentsParams): Promise<CardConsent[]> {
  const rows = await db
    .select()
    .from(cardConsents)
    .where(and(eq(cardConsents.merchantId, merchantId), eq(cardConsents.customerId, customerId)))
    .orderBy(desc(cardConsents.consentedAt));
  return rows.map(withoutSeller);
}

export interface GetCardConsentParams {
  merchantId: string;
  cardId: string;
}

export async function getCardConsent(db: Db, { merchantId, cardId }: GetCardConsentParams): Promise<CardConsent | undefined> {
  const [row] = await db
    .select()
    .from(cardConsents)
    .where(and(eq(cardConsents.merchantId, merchantId), eq(cardConsents.cardId, cardId)))
    .orderBy(desc(cardConsents.consentedAt))
    .limit(1);
  return row && withoutSeller(row);
}

function withoutSeller({ merchantId: _seller, ...consent }: typeof cardConsents.$inferSelect): CardConsent {
  return consent;
}
