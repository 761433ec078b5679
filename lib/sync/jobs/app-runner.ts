import "server-only";
import { appSyncDeps } from "../app-deps";
import { describeError } from "../errors";
import { currentJobRunner, registerJobRunner } from "./registry";
import { createJobRunner } from "./runner";
import { scheduleAllSellers } from "./schedule";
import { syncJobHandlers } from "./sync-jobs";

/**
 * Starts this process's job runner (instrumentation.ts, Node runtime). PGlite belongs to one
 * process, so the runner lives inside the app; with PostgreSQL every instance runs one and the
 * queue's row locks share the work.
 */
export async function startAppJobRunner(): Promise<void> {
  if (currentJobRunner()) return;
  const deps = await appSyncDeps();
  const s = deps.settings;
  const runner = createJobRunner({
    db: deps.db,
    handlers: syncJobHandlers(deps),
    tickMs: s.jobTickMs,
    concurrency: s.jobConcurrency,
    leaseMs: s.jobLeaseMs,
    retryMs: s.jobRetryMs,
    maxAttempts: s.jobMaxAttempts,
    onError: (job, err) => console.error(`[sync] ${job.kind} job ${job.id} (${job.merchantId ?? "-"}) failed: ${describeError(err)}`),
  });
  registerJobRunner(runner);
  await scheduleAllSellers(deps.db);
  // No signal handlers: a job cut short by the process exiting is taken over once its lease runs out.
  runner.start();
}
