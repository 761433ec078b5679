import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { chunksFor, dateOrNull, excludedExcept } from "@/lib/db/queries/mirror-sql";
import { mirrorGiftCardCustomers, mirrorGiftCards } from "@/lib/db/schema";
import type { GiftCard } from "@/lib/square/types";
import type { Tx } from "./mirror-lock";

/**
 * Writes gift cards fetched at `fetchedAt`. They have no version, so a state fetched earlier never
 * replaces one fetched later. Each written card's customer links are replaced; returns the customer
 * ids (as recorded) linked or unlinked, whose gift card counts changed.
 */
export async function upsertGiftCards(tx: Tx, merchantId: string, giftCards: GiftCard[], fetchedAt: Date): Promise<string[]> {
  const byId = new Map(giftCards.map((g) => [g.id, g]));
  const rows = [...byId.values()].map((g) => ({
    merchantId,
    id: g.id,
    gan: g.gan,
    type: g.type,
    state: g.state,
    balanceAmount: g.balance?.amount ?? 0,
    currency: g.balance?.currency ?? null,
    createdAt: dateOrNull(g.createdAt),
    raw: g.raw,
    fetchedAt,
  }));
  const written: string[] = [];
  for (const chunk of chunksFor(rows, 10)) {
    const result = await tx
      .insert(mirrorGiftCards)
      .values(chunk)
      .onConflictDoUpdate({
        target: [mirrorGiftCards.merchantId, mirrorGiftCards.id],
        set: excludedExcept(mirrorGiftCards, ["merchantId", "id"]),
        setWhere: sql`${mirrorGiftCards.fetchedAt} <= excluded.fetched_at`,
      })
      .returning({ id: mirrorGiftCards.id });
    written.push(...result.map((r) => r.id));
  }
  if (!written.length) return [];

  const inWritten = and(eq(mirrorGiftCardCustomers.merchantId, merchantId), inArray(mirrorGiftCardCustomers.giftCardId, written));
  const before = await tx.delete(mirrorGiftCardCustomers).where(inWritten).returning({ giftCardId: mirrorGiftCardCustomers.giftCardId, customerId: mirrorGiftCardCustomers.customerId });
  const links = written.flatMap((id) => [...new Set(byId.get(id)!.customerIds)].map((customerId) => ({ merchantId, giftCardId: id, customerId })));
  for (const chunk of chunksFor(links, 3)) await tx.insert(mirrorGiftCardCustomers).values(chunk);
  // Only links that appeared or went change anyone's gift card count.
  const key = (l: { giftCardId: string; customerId: string }) => `${l.giftCardId}\u0000${l.customerId}`;
  const was = new Set(before.map(key));
  const now = new Set(links.map(key));
  const touched = new Set<string>();
  for (const l of before) if (!now.has(key(l))) touched.add(l.customerId);
  for (const l of links) if (!was.has(key(l))) touched.add(l.customerId);
  return [...touched];
}
