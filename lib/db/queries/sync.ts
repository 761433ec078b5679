import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { coverage, type StreamCheckpoint } from "@/lib/sync/backfill/partitions";
import type { Db } from "../open";
import { syncSellers, syncStreams, SYNC_STREAMS, type SyncStreamName, type SyncStreamStatus } from "../schema";

export interface StreamStatus {
  stream: SyncStreamName;
  status: SyncStreamStatus;
  /** Objects fetched so far. */
  done: number;
  /** How many there are, when Square says (customers); else null. */
  total: number | null;
  /** 0–1 while a backfill runs (share of the stream's time span covered), 1 when done. */
  progress: number;
  error: string | null;
  finishedAt: string | null;
}

export interface SyncStatus {
  /** never: no backfill yet; backfilling: one is running; synced: the mirror is live; failed: the last backfill stopped. */
  state: "never" | "backfilling" | "synced" | "failed";
  /** Average of the running streams' progress, 0–1. */
  progress: number;
  streams: StreamStatus[];
  backfillStartedAt: string | null;
  backfillFinishedAt: string | null;
  /** The last finished backfill or reconciliation: the mirror matched Square then. */
  confirmedAt: string | null;
  /** The last webhook event applied. */
  lastEventAt: string | null;
  /** The latest of the two: what "synced 14 s ago" shows. */
  lastSyncedAt: string | null;
  lastError: string | null;
}

/**
 * The seller's mirror freshness and backfill progress, for the dashboard shell and Overview. Read
 * once per request: the layout's badge and the page share it (outside a render, every call reads).
 */
export function getSyncStatus(db: Db, { merchantId }: { merchantId: string }): Promise<SyncStatus> {
  return readSyncStatus(db, merchantId);
}

const readSyncStatus = cache(async (db: Db, merchantId: string): Promise<SyncStatus> => {
  const [[seller], rows] = await Promise.all([
    db.select().from(syncSellers).where(eq(syncSellers.merchantId, merchantId)),
    db.select().from(syncStreams).where(eq(syncStreams.merchantId, merchantId)),
  ]);
  const byStream = new Map(rows.map((r) => [r.stream, r]));
  const streams: StreamStatus[] = SYNC_STREAMS.map((stream) => {
    const r = byStream.get(stream);
    const partitions = (r?.checkpoint as StreamCheckpoint | null)?.partitions;
    const progress = !r ? 0 : r.status === "done" || r.status === "skipped" ? 1 : partitions ? coverage(partitions) : 0;
    return { stream, status: r?.status ?? "pending", done: r?.doneCount ?? 0, total: r?.totalCount ?? null, progress, error: r?.lastError ?? null, finishedAt: iso(r?.finishedAt) };
  });
  const started = seller?.backfillStartedAt ?? null;
  const finished = seller?.backfillFinishedAt ?? null;
  const requested = seller?.backfillRequestedAt ?? null;
  const queued = !!requested && (!started || requested > started);
  const running = queued || (!!started && (!finished || finished < started));
  const failed = running && streams.some((s) => s.status === "failed");
  const state = !running && !finished ? "never" : failed ? "failed" : running ? "backfilling" : "synced";
  const active = streams.filter((s) => s.status !== "skipped");
  const latest = [seller?.confirmedAt, seller?.lastEventAt].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    state,
    progress: state === "synced" ? 1 : active.length ? active.reduce((n, s) => n + s.progress, 0) / active.length : 0,
    streams,
    backfillStartedAt: iso(started),
    backfillFinishedAt: iso(finished),
    confirmedAt: iso(seller?.confirmedAt),
    lastEventAt: iso(seller?.lastEventAt),
    lastSyncedAt: iso(latest),
    lastError: seller?.lastError ?? null,
  };
});

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
