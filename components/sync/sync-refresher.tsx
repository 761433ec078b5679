"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { StreamStatus, SyncStatus } from "@/lib/db/queries/sync";
import { useSyncStatus } from "./use-sync-status";

/**
 * Re-renders the page (its server components read the mirror) as a backfill brings in more of the
 * streams it shows, so a list fills in while the first sync runs, without the seller reloading.
 */
export function SyncRefresher({ initial, streams }: { initial: SyncStatus; streams: StreamStatus["stream"][] }) {
  const router = useRouter();
  const { data } = useSyncStatus(initial);
  const fingerprint = (data ?? initial).streams
    .filter((s) => streams.includes(s.stream))
    .map((s) => `${s.status}:${s.done}`)
    .join("|");
  const seen = useRef(fingerprint);
  useEffect(() => {
    if (fingerprint === seen.current) return;
    seen.current = fingerprint;
    router.refresh();
  }, [fingerprint, router]);
  return null;
}
