import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { chunksFor, dateOrNull, excludedExcept } from "@/lib/db/queries/mirror-sql";
import { mirrorCards } from "@/lib/db/schema";
import type { Card } from "@/lib/square/types";
import { latestById } from "./latest";
import type { Tx } from "./mirror-lock";

/**
 * Writes cards fetched from Square at `fetchedAt`, never over a newer version (equal versions go
 * to the later fetch). Returns the customer ids (as recorded) whose cards were added, moved or
 * enabled/disabled: the only changes a card-count aggregate sees (a full listing rewrites many).
 */
export async function upsertCards(tx: Tx, merchantId: string, cards: Card[], fetchedAt: Date): Promise<string[]> {
  const rows = latestById(cards, (c) => [c.version]).map((c) => ({
    merchantId,
    id: c.id,
    customerId: c.customerId,
    cardBrand: c.cardBrand,
    last4: c.last4,
    expMonth: c.expMonth,
    expYear: c.expYear,
    cardholderName: c.cardholderName,
    fingerprint: c.fingerprint,
    cardType: c.cardType,
    bin: c.bin,
    referenceId: c.referenceId,
    enabled: c.enabled,
    version: c.version,
    createdAt: dateOrNull(c.createdAt),
    disabledAt: dateOrNull(c.disabledAt),
    raw: c.raw,
    fetchedAt,
  }));
  const customers = new Set<string>();
  const before = new Map<string, { customerId: string | null; enabled: boolean }>();
  for (const ids of chunksFor(rows.map((r) => r.id), 1))
    for (const r of await tx
      .select({ id: mirrorCards.id, customerId: mirrorCards.customerId, enabled: mirrorCards.enabled })
      .from(mirrorCards)
      .where(and(eq(mirrorCards.merchantId, merchantId), inArray(mirrorCards.id, ids))))
      before.set(r.id, r);
  for (const chunk of chunksFor(rows, 18)) {
    const result = await tx
      .insert(mirrorCards)
      .values(chunk)
      .onConflictDoUpdate({
        target: [mirrorCards.merchantId, mirrorCards.id],
        set: excludedExcept(mirrorCards, ["merchantId", "id"]),
        setWhere: sql`(${mirrorCards.version}, ${mirrorCards.fetchedAt}) <= (excluded.version, excluded.fetched_at)`,
      })
      .returning({ id: mirrorCards.id, customerId: mirrorCards.customerId, enabled: mirrorCards.enabled });
    for (const r of result) {
      const old = before.get(r.id);
      if (old && old.customerId === r.customerId && old.enabled === r.enabled) continue;
      for (const id of [r.customerId, old?.customerId]) if (id) customers.add(id);
    }
  }
  return [...customers];
}
