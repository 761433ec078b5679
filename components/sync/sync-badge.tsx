"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { SyncStatus } from "@/lib/db/queries/sync";
import { cn } from "@/lib/utils";
import { timeAgo } from "./relative-time";
import { useSyncStatus } from "./use-sync-status";

/** The dashboard shell's freshness line: "Synced 14 s ago", or the backfill's progress. */
export function SyncBadge({ initial }: { initial: SyncStatus }) {
  const { data } = useSyncStatus(initial);
  const status = data ?? initial;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const { text, tone } = describe(status, now);
  return (
    <Link href="/overview" className="text-xs text-neutral-600 hover:underline">
      <span role="status" aria-label="Sync status" className="inline-flex items-center gap-1.5">
        <span aria-hidden className={cn("size-2 rounded-full", tone)} />
        {text}
      </span>
    </Link>
  );
}

function describe(status: SyncStatus, now: number): { text: string; tone: string } {
  if (status.state === "backfilling") return { text: `Copying from Square… ${Math.floor(status.progress * 100)}%`, tone: "bg-blue-500 animate-pulse" };
  if (status.state === "failed") return { text: "Sync interrupted, retrying", tone: "bg-amber-500" };
  if (status.state === "never" || !status.lastSyncedAt) return { text: "Not synced yet", tone: "bg-neutral-400" };
  return { text: `Synced ${timeAgo(status.lastSyncedAt, now)}`, tone: "bg-green-600" };
}
