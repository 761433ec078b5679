import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { JobRow } from "@/lib/db/schema";
import { claimJobs, completeJob, dropJob, failJob, renewLeases } from "./queue";

/** What a handler may ask for when it finishes. */
export type JobOutcome = void | { rearmInMs?: number; drop?: boolean };

export interface JobHandler {
  run(job: JobRow): Promise<JobOutcome>;
  /** Recurring jobs come back after this long even when they keep failing. */
  rearmAfterFailureMs?: number;
  /** Errors that mean "stop for good" (e.g. the seller disconnected): the job is dropped, not retried. */
  isPermanent?(err: unknown): boolean;
}

export interface JobRunnerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  runnerId?: string;
  tickMs: number;
  concurrency: number;
  leaseMs: number;
  retryMs: number;
  maxAttempts: number;
  /** Called for every failure (logging). */
  onError?(job: JobRow, err: unknown): void;
}

export interface JobRunner {
  readonly id: string;
  start(): void;
  /** Look for work now (something was just queued). */
  poke(): void;
  /** Stops claiming; resolves when running jobs have finished. */
  stop(): Promise<void>;
}

/**
 * The in-process worker of the durable queue: every tick (or when poked) it claims due jobs up to
 * its concurrency, runs them, renews their leases while they run, and records the outcome.
 */
export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const id = opts.runnerId ?? `runner-${randomUUID().slice(0, 8)}`;
  const running = new Map<number, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let stopped = true;
  let ticking: Promise<void> | null = null;
  let again = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };

  function tick() {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = claimAndRun().finally(() => {
      ticking = null;
      schedule(again ? 0 : opts.tickMs);
      again = false;
    });
  }

  async function claimAndRun() {
    try {
      const claimed = await claimJobs(opts.db, { runnerId: id, limit: opts.concurrency - running.size, leaseMs: opts.leaseMs });
      for (const job of claimed) running.set(job.id, execute(job).finally(() => {
        running.delete(job.id);
        schedule(0);
      }));
    } catch (err) {
      if (!stopped) console.error(`[jobs] ${id} could not claim jobs:`, err);
    }
  }

  async function execute(job: JobRow) {
    const handler = opts.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
      const outcome = await handler.run(job);
      if (outcome?.drop) await dropJob(opts.db, job, id);
      else await completeJob(opts.db, job, id, outcome?.rearmInMs);
    } catch (err) {
      opts.onError?.(job, err);
      try {
        if (handler?.isPermanent?.(err)) await dropJob(opts.db, job, id);
        else
          await failJob(opts.db, job, id, err instanceof Error ? err.message : String(err), {
            retryMs: opts.retryMs,
            maxAttempts: opts.maxAttempts,
            rearmInMs: handler?.rearmAfterFailureMs,
          });
      } catch (recordErr) {
        // The lease runs out and another runner retries it; nothing is lost.
        console.error(`[jobs] ${id} could not record the failure of job ${job.id}:`, recordErr);
      }
    }
  }

  return {
    id,
    start() {
      if (!stopped) return;
      stopped = false;
      heartbeat = setInterval(() => {
        renewLeases(opts.db, { runnerId: id, ids: [...running.keys()], leaseMs: opts.leaseMs }).catch((err) => console.error(`[jobs] ${id} lease renewal failed:`, err));
      }, Math.max(10, Math.floor(opts.leaseMs / 3)));
      heartbeat.unref?.();
      schedule(0);
    },
    poke() {
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      await ticking;
      await Promise.allSettled(running.values());
    },
  };
}
