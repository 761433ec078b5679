import "server-only";
import type { Db } from "@/lib/db/client";
import type { Card, CustomerRecord, GiftCard, Location, Order, Payment } from "@/lib/square/types";
import { initialPaymentAttributions, reattribute } from "./attribution-writer";
import { recomputeCustomerStats } from "./customer-stats";
import { recordMerges, type Merge } from "./merge-aliases";
import { inMirrorTransaction, type Tx } from "./mirror-lock";
import { markSalesRollupsStale, placesBefore, refreshSalesRollups } from "./sales-rollups";
import { upsertCards } from "./upsert-cards";
import { markCustomersDeleted, upsertCustomers } from "./upsert-customers";
import { upsertGiftCards } from "./upsert-gift-cards";
import { upsertLocations } from "./upsert-locations";
import { upsertOrders } from "./upsert-orders";
import { upsertPayments } from "./upsert-payments";

/** What Square told us, to be written to one seller's mirror in one transaction. */
export interface MirrorChanges {
  /** When the requests that produced these objects were sent (orders unversioned objects). */
  fetchedAt: Date;
  locations?: Location[];
  customers?: CustomerRecord[];
  /** Profiles Square deleted, or merged away, or no longer knows. */
  deletedCustomerIds?: string[];
  merges?: Merge[];
  cards?: Card[];
  giftCards?: GiftCard[];
  orders?: Order[];
  payments?: Payment[];
}

export interface ApplyOptions {
  /**
   * Keep per-customer aggregates and the sales rollups current (default). A backfill turns this off
   * and recomputes them all once at the end, instead of once per batch (they are marked stale
   * meanwhile, so reports read the payments and the directory sorts without them).
   */
  stats?: boolean;
  /**
   * Recompute the attribution of what this writes (default). A backfill turns this off and
   * attributes everything once at the end (backfill/attribute-all.ts): per batch, each order would
   * be attributed twice, once with its own batch and again with its payments'.
   */
  attribution?: boolean;
  /** More work for the same transaction (a backfill's checkpoint, so data and progress commit together). */
  alsoInTransaction?: (tx: Tx) => Promise<void>;
}

export interface ApplyResult {
  written: { customers: number; cards: number; giftCards: number; orders: number; payments: number };
  /** Customer ids whose attributed rows or aggregates may have changed. */
  touchedCustomerIds: string[];
}

/**
 * The one way into the mirror: upserts that never regress, then merges, then the attribution
 * (lib/crm/attribution.ts) of every payment and order this could change, then the aggregates of
 * every customer that touched, all in one transaction under the seller's mirror lock.
 */
export async function applyToMirror(db: Db, merchantId: string, changes: MirrorChanges, options: ApplyOptions = {}): Promise<ApplyResult> {
  return inMirrorTransaction(db, merchantId, async (tx) => {
    const { fetchedAt } = changes;
    const touched = new Set<string>();
    if (changes.locations?.length) await upsertLocations(tx, merchantId, changes.locations);
    const customers = changes.customers?.length ? await upsertCustomers(tx, merchantId, changes.customers) : [];
    customers.forEach((id) => touched.add(id));
    if (changes.deletedCustomerIds?.length) (await markCustomersDeleted(tx, merchantId, changes.deletedCustomerIds, fetchedAt)).forEach((id) => touched.add(id));
    const replaced = changes.merges?.length ? await recordMerges(tx, merchantId, changes.merges) : [];
    replaced.forEach((id) => touched.add(id));
    for (const merge of changes.merges ?? []) touched.add(merge.toId);
    const cardCustomers = changes.cards?.length ? await upsertCards(tx, merchantId, changes.cards, fetchedAt) : [];
    cardCustomers.forEach((id) => touched.add(id));
    const giftCardCustomers = changes.giftCards?.length ? await upsertGiftCards(tx, merchantId, changes.giftCards, fetchedAt) : [];
    giftCardCustomers.forEach((id) => touched.add(id));
    const aggregates = options.stats !== false;
    const ordersBefore = aggregates && changes.orders?.length ? await placesBefore(tx, merchantId, "mirror_orders", changes.orders.map((o) => o.id)) : undefined;
    const orderIds = changes.orders?.length ? await upsertOrders(tx, merchantId, changes.orders, fetchedAt) : [];
    const before = aggregates && changes.payments?.length ? await placesBefore(tx, merchantId, "mirror_payments", changes.payments.map((p) => p.id)) : undefined;
    const paymentIds = changes.payments?.length
      ? await upsertPayments(tx, merchantId, changes.payments, fetchedAt, await initialPaymentAttributions(tx, merchantId, changes.payments, changes.orders ?? []))
      : [];

    const attributed = await reattribute(tx, merchantId, options.attribution === false ? {} : { orderIds, paymentIds, replacedCustomerIds: replaced });
    attributed.customers.forEach((id) => touched.add(id));
    if (aggregates && touched.size) await recomputeCustomerStats(tx, merchantId, touched);
    const rollups = {
      paymentIds: [...paymentIds, ...attributed.paymentIds],
      before,
      orderIds: [...new Set([...orderIds, ...attributed.orderIds])],
      ordersBefore,
      locations: !!changes.locations?.length,
    };
    if (aggregates) await refreshSalesRollups(tx, merchantId, rollups);
    // Skipped aggregates are marked stale with the write, so readers know until the rebuild.
    else if (touched.size || rollups.orderIds.length || rollups.paymentIds.length || rollups.locations) await markSalesRollupsStale(tx, merchantId);
    await options.alsoInTransaction?.(tx);
    return {
      written: { customers: customers.length, cards: changes.cards?.length ?? 0, giftCards: changes.giftCards?.length ?? 0, orders: orderIds.length, payments: paymentIds.length },
      touchedCustomerIds: [...touched],
    };
  });
}
