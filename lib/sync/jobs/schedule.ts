import "server-only";
import { isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sellers } from "@/lib/db/schema";
import { hasScope } from "@/lib/auth/scopes";
import { getSeller } from "@/lib/db/queries/sellers";
import { STREAM_SCOPES } from "../stream-scopes";
import { getStreams, getSyncSeller, noteBackfillRequested } from "../sync-state";
import { ensureJob, enqueueJob } from "./queue";

export const SYNC_JOBS = { backfill: "backfill", reconcile: "reconcile", webhook: "webhook" } as const;

export const backfillKey = (merchantId: string) => `backfill:${merchantId}`;
export const reconcileKey = (merchantId: string) => `reconcile:${merchantId}`;

/** Queues a full backfill for the seller (Settings → Resync, or first sign-in). */
export async function requestBackfill(db: Db, merchantId: string): Promise<void> {
  await noteBackfillRequested(db, merchantId);
  await enqueueJob(db, { kind: SYNC_JOBS.backfill, merchantId, uniqueKey: backfillKey(merchantId) });
}

/**
 * Makes sure a seller is being synced: a backfill if none ever started, or if the seller has since
 * allowed a stream the last one had to skip; and the seller's one reconciliation job armed (left
 * alone if it already is; a new one runs at once and, while the backfill is still going, just
 * re-arms itself). Safe to call on every sign-in and start-up.
 */
export async function scheduleSellerSync(db: Db, merchantId: string): Promise<{ backfillRequested: boolean }> {
  const [state, streams, seller] = await Promise.all([getSyncSeller(db, merchantId), getStreams(db, merchantId), getSeller(db, { merchantId })]);
  const never = !state?.backfillStartedAt && !state?.backfillRequestedAt;
  const nowAllowed = [...streams.values()].some((s) => s.status === "skipped" && seller && hasScope(seller, STREAM_SCOPES[s.stream]));
  const backfillRequested = never || nowAllowed;
  if (backfillRequested) await requestBackfill(db, merchantId);
  await ensureJob(db, { kind: SYNC_JOBS.reconcile, merchantId, uniqueKey: reconcileKey(merchantId) });
  return { backfillRequested };
}

/** At start-up: every connected seller gets scheduled (sellers who signed in before the mirror existed too). */
export async function scheduleAllSellers(db: Db): Promise<void> {
  const connected = await db.select({ merchantId: sellers.merchantId }).from(sellers).where(isNotNull(sellers.accessTokenEncrypted));
  for (const { merchantId } of connected) await scheduleSellerSync(db, merchantId);
}
