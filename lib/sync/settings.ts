import type { Env } from "@/lib/env";

/** The mirror's timings and limits (lib/env in the app; tiny values in tests). */
export interface SyncSettings {
  reconcileIntervalMs: number;
  reconcileOverlapMs: number;
  jobTickMs: number;
  jobConcurrency: number;
  jobLeaseMs: number;
  jobRetryMs: number;
  jobMaxAttempts: number;
  backfillParallelism: number;
  backfillBatchSize: number;
}

export function syncSettings(env: Env): SyncSettings {
  return {
    reconcileIntervalMs: env.PATRON_RECONCILE_INTERVAL_MS,
    reconcileOverlapMs: env.PATRON_RECONCILE_OVERLAP_MS,
    jobTickMs: env.PATRON_JOB_TICK_MS,
    jobConcurrency: env.PATRON_JOB_CONCURRENCY,
    jobLeaseMs: env.PATRON_JOB_LEASE_MS,
    jobRetryMs: env.PATRON_JOB_RETRY_MS,
    jobMaxAttempts: env.PATRON_JOB_MAX_ATTEMPTS,
    backfillParallelism: env.PATRON_BACKFILL_PARALLELISM,
    backfillBatchSize: env.PATRON_BACKFILL_BATCH_SIZE,
  };
}
