import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { hasScope } from "@/lib/auth/scopes";
import { getSeller } from "@/lib/db/queries/sellers";
import { mirrorCustomers, SYNC_STREAMS, type SyncStreamName } from "@/lib/db/schema";
import { listCards } from "@/lib/square/cards";
import type { SquareClient } from "@/lib/square/client";
import { searchCustomers } from "@/lib/square/customers";
import { listGiftCards } from "@/lib/square/gift-cards";
import { listLocations } from "@/lib/square/merchants";
import { searchOrders } from "@/lib/square/orders";
import { listPayments } from "@/lib/square/payments";
import type { SquarePage } from "@/lib/square/types";
import { applyToMirror, type MirrorChanges } from "./apply";
import { FAR_PAST } from "./backfill/probe";
import type { SyncDeps } from "./deps";
import { resolveCustomersAtSquare } from "./discover-customers";
import { describeError, SellerNotConnectedError } from "./errors";
import { chunk, runPool } from "./pool";
import { listReferencedMissingCustomers } from "./referenced-customers";
import { rebuildStaleSalesRollups } from "./sales-rollups";
import { STREAM_SCOPES } from "./stream-scopes";
import { getStreams, getSyncSeller, noteConfirmed, noteSyncError, updateStream } from "./sync-state";

/**
 * The scheduled catch-up that repairs whatever lost webhooks missed: everything changed since each
 * stream's watermark (minus an overlap for clock skew), every card and gift card (their lists have
 * no change filter), then every profile the mirror holds or that sales name, checked with
 * BulkRetrieveCustomers so deletions and merges made while events were lost are found.
 */
export async function runReconcile(deps: SyncDeps, merchantId: string): Promise<void> {
  const seller = await getSeller(deps.db, { merchantId });
  if (!seller) throw new SellerNotConnectedError(merchantId);
  const startedAt = new Date();
  const client = await deps.square(merchantId);
  const [streams, state] = await Promise.all([getStreams(deps.db, merchantId), getSyncSeller(deps.db, merchantId)]);
  const apply = (changes: Omit<MirrorChanges, "fetchedAt">, fetchedAt: Date) => applyToMirror(deps.db, merchantId, { fetchedAt, ...changes });
  try {
    const locations = await listLocations(client);
    await apply({ locations }, startedAt);
    const locationIds = locations.map((l) => l.id);
    const since = (stream: SyncStreamName) => {
      const mark = streams.get(stream)?.watermark ?? state?.backfillStartedAt ?? new Date(0);
      return new Date(Math.max(0, mark.getTime() - deps.settings.reconcileOverlapMs)).toISOString();
    };
    const walks: Record<SyncStreamName, () => Promise<void>> = {
      customers: () => walk((cursor) => searchCustomers(client, { updatedAt: { startAt: since("customers") }, cursor }), (customers, at) => apply({ customers }, at)),
      cards: () => walk((cursor) => listCards(client, { cursor }), (cards, at) => apply({ cards }, at)),
      gift_cards: () => walk((cursor) => listGiftCards(client, { cursor }), (giftCards, at) => apply({ giftCards }, at)),
      orders: async () => {
        for (const ids of chunk(locationIds, 10))
          await walk((cursor) => searchOrders(client, { locationIds: ids, field: "UPDATED_AT", startAt: since("orders"), cursor, limit: 500 }), (orders, at) => apply({ orders }, at));
      },
      payments: async () => {
        for (const locationId of locationIds)
          await walk(
            (cursor) => listPayments(client, { locationId, beginTime: FAR_PAST, updatedAtBeginTime: since("payments"), sortField: "UPDATED_AT", cursor }),
            (payments, at) => apply({ payments }, at),
          );
      },
    };
    const enabled = SYNC_STREAMS.filter((s) => hasScope(seller, STREAM_SCOPES[s]));
    await runPool(enabled, deps.settings.backfillParallelism, async (stream) => {
      await walks[stream]();
      await updateStream(deps.db, merchantId, stream, { watermark: startedAt });
    });
    if (enabled.includes("customers")) await verifyCustomers(deps, client, merchantId);
    await noteConfirmed(deps.db, merchantId, { at: startedAt });
    await rebuildStaleSalesRollups(deps.db, merchantId);
  } catch (err) {
    await noteSyncError(deps.db, merchantId, describeError(err));
    throw err;
  }
}

async function verifyCustomers(deps: SyncDeps, client: SquareClient, merchantId: string) {
  const live = await deps.db
    .select({ id: mirrorCustomers.id })
    .from(mirrorCustomers)
    .where(and(eq(mirrorCustomers.merchantId, merchantId), isNull(mirrorCustomers.deletedAt)));
  const ids = [...live.map((c) => c.id), ...(await listReferencedMissingCustomers(deps.db, merchantId))];
  await resolveCustomersAtSquare(deps.db, client, merchantId, ids, { parallelism: deps.settings.backfillParallelism });
}

/** Follows a list's cursor to the end, applying each page as it arrives. */
async function walk<T>(page: (cursor: string | null) => Promise<SquarePage<T>>, write: (items: T[], fetchedAt: Date) => Promise<unknown>) {
  let cursor: string | null = null;
  do {
    const fetchedAt = new Date();
    const p: SquarePage<T> = await page(cursor);
    if (p.items.length) await write(p.items, fetchedAt);
    cursor = p.cursor;
  } while (cursor);
}
