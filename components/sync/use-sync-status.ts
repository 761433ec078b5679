"use client";

import useSWR from "swr";
import type { SyncStatus } from "@/lib/db/queries/sync";

export const SYNC_STATUS_KEY = "/api/sync/status";

async function fetchStatus(url: string): Promise<SyncStatus> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`Sync status answered ${res.status}`);
  return res.json();
}

/** The seller's sync status, polled every second while a backfill runs and every 15 s otherwise. */
export function useSyncStatus(fallbackData: SyncStatus) {
  return useSWR(SYNC_STATUS_KEY, fetchStatus, {
    fallbackData,
    // SWR hands this the fetched data, which is undefined until the first poll: fall back to the server's.
    refreshInterval: (data) => ((data ?? fallbackData).state === "backfilling" ? 1_000 : 15_000),
    revalidateOnMount: false,
  });
}
