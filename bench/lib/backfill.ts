import fs from "node:fs";
import type { AppClient } from "./app-client";
import type { CallCounts, SquareAdmin } from "./square-admin";

interface SyncStatus {
  state: "never" | "backfilling" | "synced" | "failed";
  streams: { stream: string; status: string; done: number }[];
  backfillStartedAt: string | null;
  backfillFinishedAt: string | null;
  lastError: string | null;
}

export interface BackfillResult {
  /** Allow clicked on Square's consent page → the app reports the mirror synced (the bench's clock). */
  seconds: number;
  /** The app's own record: backfill started → finished. */
  appSeconds: number | null;
  squareCalls: number;
  calls: Record<string, number>;
  rows: Record<string, number>;
  /** CPU seconds each process used meanwhile (on a shared machine, steadier than wall time). */
  cpuSeconds: { app: number; square: number };
}

/** User + system CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Waits for the backfill Patron starts on a seller's first sign-in, polling the sync status the
 * dashboard polls. The Square call count is the seller's since the stats were reset just before
 * sign-in: the sign-in's own few calls (merchant, locations, token status) included.
 */
export async function awaitBackfill(
  app: AppClient,
  admin: SquareAdmin,
  opts: { allowedAt: number; cpuBefore: { app: number; square: number }; pids: { app?: number; square?: number }; timeoutMs: number },
): Promise<BackfillResult> {
  let status: SyncStatus;
  let lastPrint = 0;
  for (;;) {
    status = await app.json<SyncStatus>("/api/sync/status");
    const elapsed = performance.now() - opts.allowedAt;
    if (status.state === "synced") break;
    if (status.state === "failed") throw new Error(`The backfill failed: ${status.lastError}`);
    if (elapsed > opts.timeoutMs) throw new Error(`The backfill did not finish within ${Math.round(opts.timeoutMs / 1000)} s.`);
    if (elapsed - lastPrint > 15_000) {
      lastPrint = elapsed;
      console.log(`  … ${Math.round(elapsed / 1000)} s: ${status.streams.map((s) => `${s.stream} ${s.done} (${s.status})`).join(", ")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = (performance.now() - opts.allowedAt) / 1000;
  const cpu = { app: cpuSeconds(opts.pids.app) - opts.cpuBefore.app, square: cpuSeconds(opts.pids.square) - opts.cpuBefore.square };
  const counts: CallCounts = await admin.stats();
  const { backfillStartedAt: from, backfillFinishedAt: to } = status;
  return {
    seconds,
    appSeconds: from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : null,
    squareCalls: counts.total,
    calls: counts.calls,
    rows: Object.fromEntries(status.streams.map((s) => [s.stream, s.done])),
    cpuSeconds: cpu,
  };
}
