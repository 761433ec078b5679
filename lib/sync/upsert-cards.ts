import "server-only";
import { sql } from "drizzle-orm";
import { chunksFor, dateOrNull, excludedExcept } from "@/lib/db/queries/mirror-sql";
import { mirrorCards } from "@/lib/db/schema";
import type { Card } from "@/lib/square/types";
import { latestById } from "./latest";
import type { Tx } from "./mirror-lock";

/**
 * Writes cards fetched from Square at `fetchedAt`, never over a newer version (equal versions go
 * to the later fetch). Returns the customer ids (as recorded) of the cards written.
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
  for (const chunk of chunksFor(rows, 18)) {
    const result = await tx
      .insert(mirrorCards)
      .values(chunk)
      .onConflictDoUpdate({
        target: [mirrorCards.merchantId, mirrorCards.id],
        set: excludedExcept(mirrorCards, ["merchantId", "id"]),
        setWhere: sql`(${mirrorCards.version}, ${mirrorCards.fetchedAt}) <= (excluded.version, excluded.fetched_at)`,
      })
      .returning({ customerId: mirrorCards.customerId });
    for (const r of result) if (r.customerId) customers.add(r.customerId);
  }
  return [...customers];
}
