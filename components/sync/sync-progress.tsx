"use client";

import type { StreamStatus, SyncStatus } from "@/lib/db/queries/sync";
import { useSyncStatus } from "./use-sync-status";

const LABELS: Record<StreamStatus["stream"], string> = {
  customers: "Customers",
  cards: "Cards on file",
  gift_cards: "Gift cards",
  orders: "Orders",
  payments: "Payments",
};

const count = (n: number) => n.toLocaleString("en-US");

/** One progress bar per stream, with counts, kept current while a backfill runs. */
export function SyncProgress({ initial }: { initial: SyncStatus }) {
  const { data } = useSyncStatus(initial);
  const status = data ?? initial;
  return (
    <ul aria-label="Sync progress" className="space-y-3">
      {status.streams.map((s) => {
        const percent = Math.round(s.progress * 100);
        return (
          <li key={s.stream}>
            <div className="flex justify-between text-sm">
              <span id={`sync-${s.stream}`} className="font-medium text-neutral-800">
                {LABELS[s.stream]}
              </span>
              <span className="text-neutral-600">{detail(s)}</span>
            </div>
            <div
              role="progressbar"
              aria-labelledby={`sync-${s.stream}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="mt-1 h-2 overflow-hidden rounded-full bg-neutral-200"
            >
              <div className={s.status === "failed" ? "h-full bg-amber-500" : "h-full bg-neutral-900"} style={{ width: `${percent}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function detail(s: StreamStatus): string {
  if (s.status === "skipped") return "Not allowed: re-authorize to include";
  if (s.status === "failed") return `${count(s.done)} so far, interrupted (retrying)`;
  if (s.status === "done") return `${count(s.done)} copied`;
  if (s.status === "pending") return "Waiting";
  return s.total ? `${count(s.done)} of ${count(s.total)}` : `${count(s.done)} so far`;
}
