import "server-only";
import { runBackfill } from "../backfill/run-backfill";
import type { SyncDeps } from "../deps";
import { SellerNotConnectedError } from "../errors";
import { runReconcile } from "../reconcile";
import { getSyncSeller } from "../sync-state";
import { processWebhookEvent } from "../webhooks/process-event";
import type { JobHandler } from "./runner";
import { reconcileKey, SYNC_JOBS } from "./schedule";
import { ensureJob } from "./queue";

const permanent = (err: unknown) => err instanceof SellerNotConnectedError;

/** What each kind of sync job does. */
export function syncJobHandlers(deps: SyncDeps): Record<string, JobHandler> {
  const interval = deps.settings.reconcileIntervalMs;
  return {
    [SYNC_JOBS.backfill]: {
      isPermanent: permanent,
      async run(job) {
        const merchantId = job.merchantId!;
        await runBackfill(deps, merchantId);
        await ensureJob(deps.db, { kind: SYNC_JOBS.reconcile, merchantId, uniqueKey: reconcileKey(merchantId), runInMs: interval });
        // Resync was pressed again while this one ran: go again rather than lose the request.
        const state = await getSyncSeller(deps.db, merchantId);
        const again = state?.backfillRequestedAt && state.backfillStartedAt && state.backfillRequestedAt > state.backfillStartedAt;
        return again ? { rearmInMs: 0 } : undefined;
      },
    },
    [SYNC_JOBS.reconcile]: {
      isPermanent: permanent,
      rearmAfterFailureMs: interval,
      async run(job) {
        const merchantId = job.merchantId!;
        const state = await getSyncSeller(deps.db, merchantId);
        // Nothing to reconcile before the first backfill has finished; look again later.
        if (!state?.backfillFinishedAt) return { rearmInMs: interval };
        await runReconcile(deps, merchantId);
        return { rearmInMs: interval };
      },
    },
    [SYNC_JOBS.webhook]: {
      run: (job) => processWebhookEvent(deps, String(job.payload.eventId)),
    },
  };
}
