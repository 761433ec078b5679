import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { chunksFor, dateOrNull, excludedExcept } from "@/lib/db/queries/mirror-sql";
import { mirrorOrderLineItems, mirrorOrders, mirrorOrderTenders } from "@/lib/db/schema";
import type { Order } from "@/lib/square/types";
import { latestById, ms } from "./latest";
import type { Tx } from "./mirror-lock";

const EPOCH = sql`'epoch'::timestamptz`;

/**
 * Writes orders (with their line items and tenders) fetched at `fetchedAt`, never over a newer
 * version; orders without one are ordered by `updated_at`. Returns the ids written.
 */
export async function upsertOrders(tx: Tx, merchantId: string, orders: Order[], fetchedAt: Date): Promise<string[]> {
  const latest = latestById(orders, (o) => [o.version ?? -1, ms(o.updatedAt)]);
  const rows = latest.map((o) => ({
    merchantId,
    id: o.id,
    locationId: o.locationId,
    customerId: o.customerId,
    state: o.state,
    sourceName: o.sourceName,
    referenceId: o.referenceId,
    currency: o.total?.currency ?? null,
    totalAmount: o.total?.amount ?? 0,
    totalTaxAmount: o.totalTax?.amount ?? 0,
    totalDiscountAmount: o.totalDiscount?.amount ?? 0,
    totalTipAmount: o.totalTip?.amount ?? 0,
    netAmountDueAmount: o.netAmountDue?.amount ?? 0,
    version: o.version,
    createdAt: dateOrNull(o.createdAt),
    updatedAt: dateOrNull(o.updatedAt),
    closedAt: dateOrNull(o.closedAt),
    raw: o.raw,
    fetchedAt,
  }));
  const written: string[] = [];
  for (const chunk of chunksFor(rows, 19)) {
    const result = await tx
      .insert(mirrorOrders)
      .values(chunk)
      .onConflictDoUpdate({
        target: [mirrorOrders.merchantId, mirrorOrders.id],
        set: excludedExcept(mirrorOrders, ["merchantId", "id"]),
        setWhere: sql`(coalesce(${mirrorOrders.version}, -1), coalesce(${mirrorOrders.updatedAt}, ${EPOCH}), ${mirrorOrders.fetchedAt})
          <= (coalesce(excluded.version, -1), coalesce(excluded.updated_at, ${EPOCH}), excluded.fetched_at)`,
      })
      .returning({ id: mirrorOrders.id });
    written.push(...result.map((r) => r.id));
  }
  if (written.length) await replaceChildren(tx, merchantId, latest.filter((o) => written.includes(o.id)));
  return written;
}

async function replaceChildren(tx: Tx, merchantId: string, orders: Order[]) {
  const ids = orders.map((o) => o.id);
  await tx.delete(mirrorOrderLineItems).where(and(eq(mirrorOrderLineItems.merchantId, merchantId), inArray(mirrorOrderLineItems.orderId, ids)));
  await tx.delete(mirrorOrderTenders).where(and(eq(mirrorOrderTenders.merchantId, merchantId), inArray(mirrorOrderTenders.orderId, ids)));
  const lines = orders.flatMap((o) =>
    o.lineItems.map((l, position) => ({
      merchantId,
      orderId: o.id,
      uid: l.uid,
      position,
      name: l.name,
      variationName: l.variationName,
      itemType: l.itemType,
      quantity: l.quantity,
      basePriceAmount: l.basePrice?.amount ?? null,
      totalAmount: l.total?.amount ?? 0,
    })),
  );
  const tenders = orders.flatMap((o) =>
    o.tenders.map((t) => ({
      merchantId,
      orderId: o.id,
      id: t.id,
      paymentId: t.paymentId,
      type: t.type,
      customerId: t.customerId,
      amount: t.amount?.amount ?? 0,
      tipAmount: t.tip?.amount ?? 0,
      cardBrand: t.cardBrand,
      last4: t.last4,
      createdAt: dateOrNull(t.createdAt),
    })),
  );
  for (const chunk of chunksFor(lines, 10)) await tx.insert(mirrorOrderLineItems).values(chunk);
  for (const chunk of chunksFor(tenders, 11)) await tx.insert(mirrorOrderTenders).values(chunk);
}
