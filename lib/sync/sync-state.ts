import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { syncSellers, syncStreams, SYNC_STREAMS, type SyncStreamName, type SyncStreamRow, type SyncStreamStatus } from "@/lib/db/schema";
import type { Tx } from "./mirror-lock";

/** Notes a request for a (re-)backfill; the backfill job picks it up and starts over. */
export async function noteBackfillRequested(db: Db, merchantId: string): Promise<void> {
  await db
    .insert(syncSellers)
    .values({ merchantId, backfillRequestedAt: new Date() })
    .onConflictDoUpdate({ target: syncSellers.merchantId, set: { backfillRequestedAt: sql`now()` } });
}

export interface BackfillRun {
  /** The backfill covers what Square held up to here; later changes are webhooks' and reconciliation's. */
  asOf: Date;
  streams: Map<SyncStreamName, SyncStreamRow>;
}

/**
 * Starts a backfill, or resumes the one a crash or restart interrupted (its streams keep their
 * checkpoints). A new request since the last start means start over.
 */
export async function beginOrResumeBackfill(db: Db, merchantId: string): Promise<BackfillRun> {
  return db.transaction(async (tx) => {
    const [state] = await tx.select().from(syncSellers).where(eq(syncSellers.merchantId, merchantId)).for("update");
    const started = state?.backfillStartedAt;
    const fresh = !started || (state.backfillFinishedAt !== null && state.backfillFinishedAt >= started) || (state.backfillRequestedAt !== null && state.backfillRequestedAt > started);
    let asOf = started ?? new Date();
    if (fresh) {
      asOf = new Date();
      await tx
        .insert(syncSellers)
        .values({ merchantId, backfillStartedAt: asOf, backfillRequestedAt: asOf })
        .onConflictDoUpdate({ target: syncSellers.merchantId, set: { backfillStartedAt: asOf, backfillFinishedAt: null, lastError: null } });
      for (const stream of SYNC_STREAMS) {
        const reset = { status: "pending" as const, checkpoint: null, doneCount: 0, totalCount: null, startedAt: null, finishedAt: null, lastError: null, updatedAt: asOf };
        await tx.insert(syncStreams).values({ merchantId, stream, ...reset }).onConflictDoUpdate({ target: [syncStreams.merchantId, syncStreams.stream], set: reset });
      }
    }
    const rows = await tx.select().from(syncStreams).where(eq(syncStreams.merchantId, merchantId));
    return { asOf, streams: new Map(rows.map((r) => [r.stream, r])) };
  });
}

export interface StreamUpdate {
  status?: SyncStreamStatus;
  checkpoint?: Record<string, unknown> | null;
  doneCount?: number;
  totalCount?: number | null;
  watermark?: Date;
  startedAt?: Date;
  finishedAt?: Date | null;
  lastError?: string | null;
}

export async function updateStream(db: Db | Tx, merchantId: string, stream: SyncStreamName, update: StreamUpdate): Promise<void> {
  await db
    .insert(syncStreams)
    .values({ merchantId, stream, ...update, updatedAt: new Date() })
    .onConflictDoUpdate({ target: [syncStreams.merchantId, syncStreams.stream], set: { ...update, updatedAt: new Date() } });
}

export async function getStreams(db: Db, merchantId: string): Promise<Map<SyncStreamName, SyncStreamRow>> {
  const rows = await db.select().from(syncStreams).where(eq(syncStreams.merchantId, merchantId));
  return new Map(rows.map((r) => [r.stream, r]));
}

/** Records that the mirror matched Square at `at` (a finished backfill or reconciliation). */
export async function noteConfirmed(db: Db, merchantId: string, fields: { at: Date; backfillFinished?: boolean; error?: string | null }): Promise<void> {
  const set = { confirmedAt: fields.at, lastError: fields.error ?? null, ...(fields.backfillFinished ? { backfillFinishedAt: fields.at } : {}) };
  await db.insert(syncSellers).values({ merchantId, ...set }).onConflictDoUpdate({ target: syncSellers.merchantId, set });
}

export async function noteSyncError(db: Db, merchantId: string, error: string): Promise<void> {
  await db.insert(syncSellers).values({ merchantId, lastError: error }).onConflictDoUpdate({ target: syncSellers.merchantId, set: { lastError: error } });
}

/** Records that a webhook event was applied (the "synced … ago" freshness). */
export async function noteEventApplied(db: Db, merchantId: string, at = new Date()): Promise<void> {
  await db
    .insert(syncSellers)
    .values({ merchantId, lastEventAt: at })
    .onConflictDoUpdate({ target: syncSellers.merchantId, set: { lastEventAt: sql`greatest(${syncSellers.lastEventAt}, excluded.last_event_at)` } });
}

export async function getSyncSeller(db: Db, merchantId: string) {
  const [row] = await db.select().from(syncSellers).where(eq(syncSellers.merchantId, merchantId));
  return row;
}

export const streamKey = (merchantId: string, stream: SyncStreamName) => and(eq(syncStreams.merchantId, merchantId), eq(syncStreams.stream, stream));
