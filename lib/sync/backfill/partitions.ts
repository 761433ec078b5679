import type { SyncStreamName } from "@/lib/db/schema";

/**
 * A backfill stream is split into partitions that can be fetched in parallel: time windows (by
 * created_at) for customers, orders and payments, Square's own filters for gift cards, one cursor
 * walk for cards (ListCards has no filter to split on). Each partition remembers, as committed to
 * the database, where it got to: the cursor for its next page and the creation time of its last
 * object (to restart from when a stored cursor has expired).
 */
export interface Partition {
  key: string;
  /** Time range (inclusive) for windowed streams, ISO. */
  startAt?: string;
  endAt?: string;
  locationIds?: string[];
  locationId?: string;
  type?: string;
  state?: string;
  /** The span this partition covers, for progress (epoch ms). */
  fromMs: number;
  toMs: number;
  cursor: string | null;
  lastMs: number | null;
  count: number;
  done: boolean;
}

export interface StreamCheckpoint {
  partitions: Partition[];
}

const GIFT_CARD_TYPES = ["DIGITAL", "PHYSICAL"];
const GIFT_CARD_STATES = ["ACTIVE", "PENDING", "DEACTIVATED", "BLOCKED"];

export interface PlanInput {
  stream: SyncStreamName;
  /** Earliest creation time of the stream's objects (from a probe), or null when it has none. */
  earliestMs: number | null;
  asOfMs: number;
  windows: number;
  locationIds: string[];
}

/** Splits a stream into partitions. */
export function planPartitions({ stream, earliestMs, asOfMs, windows, locationIds }: PlanInput): Partition[] {
  const base = { cursor: null, lastMs: null, count: 0, done: false };
  const from = Math.min(earliestMs ?? asOfMs, asOfMs);
  if (stream === "cards") return [{ key: "all", fromMs: from, toMs: asOfMs, ...base }];
  if (stream === "gift_cards")
    return GIFT_CARD_TYPES.flatMap((type) => GIFT_CARD_STATES.map((state) => ({ key: `${type}:${state}`, type, state, fromMs: from, toMs: asOfMs, ...base })));
  if (earliestMs === null) return [];
  const spans = timeWindows(from, asOfMs, windows);
  if (stream === "customers") return spans.map(([a, b], i) => ({ key: `w${i}`, ...window(a, b), ...base }));
  if (stream === "orders") {
    const groups = chunkIds(locationIds, 10);
    return groups.flatMap((ids, g) => spans.map(([a, b], i) => ({ key: `l${g}w${i}`, locationIds: ids, ...window(a, b), ...base })));
  }
  return locationIds.flatMap((locationId) => spans.map(([a, b], i) => ({ key: `${locationId}:w${i}`, locationId, ...window(a, b), ...base })));
}

const window = (a: number, b: number) => ({ startAt: new Date(a).toISOString(), endAt: new Date(b).toISOString(), fromMs: a, toMs: b });

/** `count` equal windows covering [from, to]; neighbours share their boundary (Square's bounds are inclusive, duplicates are harmless). */
export function timeWindows(from: number, to: number, count: number): [number, number][] {
  const n = Math.max(1, Math.min(count, Math.ceil((to - from) / 1000) || 1));
  const step = (to - from) / n;
  return Array.from({ length: n }, (_, i) => [Math.floor(from + i * step), i === n - 1 ? to : Math.floor(from + (i + 1) * step)]);
}

function chunkIds(ids: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** Share of the partitions' spans covered so far (0–1), for the progress bar. */
export function coverage(partitions: Partition[]): number {
  const total = partitions.reduce((n, p) => n + Math.max(1, p.toMs - p.fromMs), 0);
  if (!partitions.length || !total) return 1;
  const covered = partitions.reduce((n, p) => {
    const span = Math.max(1, p.toMs - p.fromMs);
    if (p.done) return n + span;
    return n + Math.min(span, Math.max(0, (p.lastMs ?? p.fromMs) - p.fromMs));
  }, 0);
  return covered / total;
}
