import "server-only";
import type { SyncStreamName } from "@/lib/db/schema";
import type { SquareClient } from "@/lib/square/client";
import type { Card, CustomerRecord, GiftCard, Order, Payment } from "@/lib/square/types";
import { applyToMirror, type MirrorChanges } from "../apply";
import type { SyncDeps } from "../deps";
import { isExpiredCursor } from "../errors";
import type { Tx } from "../mirror-lock";
import { createdMs, fetchPage, type StreamObject } from "./fetch-page";
import type { Partition } from "./partitions";

export interface PartitionRun {
  deps: SyncDeps;
  client: SquareClient;
  merchantId: string;
  stream: SyncStreamName;
  /** The partition as committed; updated only inside the transaction that writes its data. */
  partition: Partition;
  /** Saves the stream's checkpoint (all its partitions' committed states) in the given transaction. */
  saveCheckpoint(tx: Tx): Promise<void>;
  /** Called after each batch commits, with how many objects it held. */
  afterFlush?(count: number): Promise<void>;
}

/**
 * Walks one partition page by page, buffering up to the batch size, and writes each batch together
 * with the partition's new position in one transaction: after a crash it resumes from the last
 * committed page, and at worst re-reads one batch (upserts make that harmless).
 */
export async function runPartition(run: PartitionRun): Promise<void> {
  const { deps, client, merchantId, stream, partition: p } = run;
  let cursor = p.cursor;
  let lastMs = p.lastMs;
  let startAt = resumeFrom(p);
  let buffer: StreamObject[] = [];
  let bufferFetchedAt: Date | null = null;

  const flush = async (done: boolean) => {
    const changes: MirrorChanges = { fetchedAt: bufferFetchedAt ?? new Date(), ...asChanges(stream, buffer) };
    const n = buffer.length;
    await applyToMirror(deps.db, merchantId, changes, {
      // Both once at the end of the backfill (run-backfill.ts).
      stats: false,
      attribution: false,
      alsoInTransaction: async (tx) => {
        Object.assign(p, { cursor, lastMs, done, count: p.count + n });
        await run.saveCheckpoint(tx);
      },
    });
    buffer = [];
    bufferFetchedAt = null;
    await run.afterFlush?.(n);
  };

  for (;;) {
    const requestedAt = new Date();
    let page;
    try {
      page = await fetchPage(client, stream, { ...p, cursor }, startAt);
    } catch (err) {
      if (!cursor || !isExpiredCursor(err)) throw err;
      // Start the walk again from the last object seen (windowed streams) or from the top.
      cursor = null;
      startAt = lastMs !== null && p.startAt ? new Date(lastMs).toISOString() : p.startAt;
      continue;
    }
    bufferFetchedAt ??= requestedAt;
    buffer.push(...page.items);
    for (const item of page.items) lastMs = Math.max(lastMs ?? 0, createdMs(item) ?? 0) || lastMs;
    cursor = page.cursor;
    if (!cursor || buffer.length >= deps.settings.backfillBatchSize) await flush(!cursor);
    if (!cursor) return;
  }
}

/** A partition resumes from its cursor; without one, from the last object it committed. */
function resumeFrom(p: Partition): string | undefined {
  if (p.cursor || p.lastMs === null || !p.startAt) return p.startAt;
  return new Date(p.lastMs).toISOString();
}

function asChanges(stream: SyncStreamName, items: StreamObject[]): Partial<MirrorChanges> {
  switch (stream) {
    case "customers":
      return { customers: items as CustomerRecord[] };
    case "cards":
      return { cards: items as Card[] };
    case "gift_cards":
      return { giftCards: items as GiftCard[] };
    case "orders":
      return { orders: items as Order[] };
    case "payments":
      return { payments: items as Payment[] };
  }
}
