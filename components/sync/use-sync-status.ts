"use client";

import useSWR from "swr";
import type { SyncStatus } from "@/lib/db/queries/sync";

export const SYNC_STATUS_KEY = "/api/sync/status";

async function fetchStatus(url: string): Promise<SyncStatus> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`Sync status answered ${res.status}`);
  return res.json();
}

const POLL_MS: Partial<Record<SyncStatus["state"], number>> = { backfilling: 1_000, failed: 5_000 };

/**
 * The seller's sync status, polled every second while a backfill runs, every 5 s while a failed one
 * waits for its retry (so its recovery shows soon), and every 15 s otherwise.
 */
export function useSyncStatus(fallbackData: SyncStatus) {
  return useSWR(SYNC_STATUS_KEY, fetchStatus, {
    fallbackData,
    // SWR hands this the fetched data, which is undefined until the first poll: fall back to the server's.
    refreshInterval: (data) => POLL_MS[(data ?? fallbackData).state] ?? 15_000,
    revalidateOnMount: false,
  });
}
