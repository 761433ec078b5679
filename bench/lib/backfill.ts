import fs from "node:fs";
import type { AppClient } from "./app-client";
import type { CallCounts, SquareAdmin } from "./square-admin";

interface SyncStatus {
  state: "never" | "backfilling" | "synced" | "failed";
  streams: { stream: string; status: string; done: number; error: string | null }[];
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
  /** Errors the backfill met on the way (Patron's job runner retries a failed backfill, resuming it). */
  errors: string[];
  /** The app's longest event-loop stall meanwhile: every request arriving then waited that long. */
  appEventLoopMaxMs: number;
  /** CPU seconds each process used meanwhile (on a shared machine, steadier than wall time). */
  cpuSeconds: { app: number; square: number };
}

// Patron's job runner retries a failed job with doubling delays (5 s, 10 s, …): give it that long.
const FAILED_GRACE_MS = 10 * 60_000;

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
  let failingSince: number | null = null;
  const errors = new Set<string>();
  for (;;) {
    status = await app.json<SyncStatus>("/api/sync/status");
    const now = performance.now();
    const elapsed = now - opts.allowedAt;
    if (status.state === "synced") break;
    for (const e of [status.lastError, ...status.streams.map((s) => s.error && `${s.stream}: ${s.error}`)])
      if (e && !errors.has(e)) console.log(`  ! ${e}`), errors.add(e);
    // "failed" is what the dashboard shows until the job runner's retry resumes the backfill.
    failingSince = status.state === "failed" ? (failingSince ?? now) : null;
    if (failingSince !== null && now - failingSince > FAILED_GRACE_MS) throw new Error(`The backfill stayed failed for ${FAILED_GRACE_MS / 60_000} minutes: ${[...errors].join("; ")}`);
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
  const loop = (await app.probeStatus()).eventLoop;
  const { backfillStartedAt: from, backfillFinishedAt: to } = status;
  return {
    seconds,
    appSeconds: from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : null,
    squareCalls: counts.total,
    calls: counts.calls,
    rows: Object.fromEntries(status.streams.map((s) => [s.stream, s.done])),
    errors: [...errors],
    appEventLoopMaxMs: loop.maxMs,
    cpuSeconds: cpu,
  };
}
