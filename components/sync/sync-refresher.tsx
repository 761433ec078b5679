"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { StreamStatus, SyncStatus } from "@/lib/db/queries/sync";
import { useSyncStatus } from "./use-sync-status";

const EVERY_MS = 5_000;

/**
 * Re-renders the page (its server components read the mirror) as a backfill brings in more of the
 * streams it shows, so a list fills in while the first sync runs without the seller reloading: at
 * once when a stream finishes, otherwise at most every few seconds.
 */
export function SyncRefresher({ initial, streams }: { initial: SyncStatus; streams: StreamStatus["stream"][] }) {
  const router = useRouter();
  const { data } = useSyncStatus(initial);
  const watched = (data ?? initial).streams.filter((s) => streams.includes(s.stream));
  const progress = watched.map((s) => `${s.status}:${s.done}`).join("|");
  const finished = watched.map((s) => s.status).join("|");
  const seen = useRef({ progress, finished, at: Date.now() });
  useEffect(() => {
    const last = seen.current;
    if (progress === last.progress) return;
    if (finished === last.finished && Date.now() - last.at < EVERY_MS) return;
    seen.current = { progress, finished, at: Date.now() };
    router.refresh();
  }, [progress, finished, router]);
  return null;
}
