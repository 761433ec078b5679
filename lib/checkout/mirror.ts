import "server-only";
import type { Db } from "@/lib/db/client";
import type { Card, CustomerRecord, Order, Payment } from "@/lib/square/types";
import { applyToMirror } from "@/lib/sync/apply";

/** What Square answered during one checkout submission. */
export interface CheckoutObjects {
  /** When the first of these requests was sent (the mirror orders unversioned objects by it). */
  fetchedAt: Date;
  customer: CustomerRecord | null;
  order: Order | null;
  payment: Payment | null;
  card: Card | null;
}

/**
 * Writes the new customer, order, payment and card into the seller's mirror straight from Square's
 * answers, so the dashboard shows the sale at once; the webhooks then confirm it. The mirror's
 * upserts never regress, so a webhook that already arrived with a newer state wins.
 */
export async function recordCheckoutInMirror(db: Db, merchantId: string, objects: CheckoutObjects): Promise<void> {
  const { fetchedAt, customer, order, payment, card } = objects;
  if (!customer && !order && !payment && !card) return;
  await applyToMirror(db, merchantId, {
    fetchedAt,
    customers: customer ? [customer] : [],
    orders: order ? [order] : [],
    payments: payment ? [payment] : [],
    cards: card ? [card] : [],
  });
}
