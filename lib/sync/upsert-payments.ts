import "server-only";
import { sql } from "drizzle-orm";
import { chunksFor, dateOrNull, excludedExcept } from "@/lib/db/queries/mirror-sql";
import { mirrorPayments } from "@/lib/db/schema";
import type { Payment } from "@/lib/square/types";
import { latestById, ms } from "./latest";
import type { Tx } from "./mirror-lock";

const EPOCH = sql`'epoch'::timestamptz`;

/**
 * Writes payments fetched at `fetchedAt`. Their version token is opaque, so (updated_at, fetch
 * time) orders them: an older state never replaces a newer one. The attribution columns are left
 * to the attribution writer. Returns the ids written.
 */
export async function upsertPayments(tx: Tx, merchantId: string, payments: Payment[], fetchedAt: Date): Promise<string[]> {
  const rows = latestById(payments, (p) => [ms(p.updatedAt)]).map((p) => ({
    merchantId,
    id: p.id,
    orderId: p.orderId,
    locationId: p.locationId,
    customerId: p.customerId,
    status: p.status,
    sourceType: p.sourceType,
    currency: p.total?.currency ?? p.amount?.currency ?? null,
    amount: p.amount?.amount ?? 0,
    tipAmount: p.tip?.amount ?? 0,
    totalAmount: p.total?.amount ?? 0,
    refundedAmount: p.refunded?.amount ?? 0,
    cardBrand: p.cardBrand,
    last4: p.last4,
    cardFingerprint: p.cardFingerprint,
    buyerEmailAddress: p.buyerEmailAddress,
    receiptNumber: p.receiptNumber,
    versionToken: p.versionToken,
    createdAt: dateOrNull(p.createdAt),
    updatedAt: dateOrNull(p.updatedAt),
    raw: p.raw,
    fetchedAt,
  }));
  const written: string[] = [];
  for (const chunk of chunksFor(rows, 25)) {
    const result = await tx
      .insert(mirrorPayments)
      .values(chunk)
      .onConflictDoUpdate({
        target: [mirrorPayments.merchantId, mirrorPayments.id],
        set: excludedExcept(mirrorPayments, ["merchantId", "id", "attributedCustomerId", "attributionSource", "attributedMergedFrom"]),
        setWhere: sql`(coalesce(${mirrorPayments.updatedAt}, ${EPOCH}), ${mirrorPayments.fetchedAt}) <= (coalesce(excluded.updated_at, ${EPOCH}), excluded.fetched_at)`,
      })
      .returning({ id: mirrorPayments.id });
    written.push(...result.map((r) => r.id));
  }
  return written;
}
