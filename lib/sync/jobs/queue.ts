import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/queries/mirror-sql";
import { jobs, type JobRow } from "@/lib/db/schema";

export interface EnqueueJob {
  kind: string;
  merchantId?: string | null;
  payload?: Record<string, unknown>;
  /** At most one job with this key exists; enqueueing it again only brings it forward. */
  uniqueKey?: string;
  /** Default: now. */
  runInMs?: number;
}

/** Queues a job (durably). A singleton already queued or running is brought forward, not duplicated. */
export async function enqueueJob(db: Db, job: EnqueueJob): Promise<void> {
  const runAt = sql`now() + ${job.runInMs ?? 0}::float8 * interval '1 millisecond'`;
  const values = { kind: job.kind, merchantId: job.merchantId ?? null, payload: job.payload ?? {}, uniqueKey: job.uniqueKey ?? null, runAt };
  if (!job.uniqueKey) {
    await db.insert(jobs).values(values);
    return;
  }
  await db
    .insert(jobs)
    .values(values)
    .onConflictDoUpdate({
      target: jobs.uniqueKey,
      set: { runAt: sql`least(${jobs.runAt}, excluded.run_at)`, failedAt: null, attempts: sql`CASE WHEN ${jobs.failedAt} IS NULL THEN ${jobs.attempts} ELSE 0 END` },
    });
}

/** Queues a singleton only if it does not exist yet (leaves an armed one's schedule alone). */
export async function ensureJob(db: Db, job: EnqueueJob & { uniqueKey: string }): Promise<void> {
  const runAt = sql`now() + ${job.runInMs ?? 0}::float8 * interval '1 millisecond'`;
  await db
    .insert(jobs)
    .values({ kind: job.kind, merchantId: job.merchantId ?? null, payload: job.payload ?? {}, uniqueKey: job.uniqueKey, runAt })
    .onConflictDoNothing({ target: jobs.uniqueKey });
}

/**
 * Claims up to `limit` due jobs for this runner: one statement, so one transaction, in which
 * `FOR UPDATE SKIP LOCKED` lets concurrent runners (other app instances) take other rows instead of
 * waiting, and the lease (`locked_until`) keeps them away afterwards until it runs out.
 */
export async function claimJobs(db: Db, params: { runnerId: string; limit: number; leaseMs: number }): Promise<JobRow[]> {
  if (params.limit <= 0) return [];
  const result = await db.execute(sql`
    UPDATE jobs SET locked_by = ${params.runnerId}, locked_until = now() + ${params.leaseMs}::float8 * interval '1 millisecond', attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE failed_at IS NULL AND run_at <= now() AND (locked_until IS NULL OR locked_until < now())
      ORDER BY run_at, id
      LIMIT ${params.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`);
  const ids = rowsOf<{ id: number | string }>(result).map((r) => Number(r.id));
  if (!ids.length) return [];
  const claimed = await db.select().from(jobs).where(sql`${jobs.id} = ANY(${sql.param(ids)}::bigint[])`);
  return claimed.sort((a, b) => a.id - b.id);
}

/** Extends the lease of jobs this runner is still working on. */
export async function renewLeases(db: Db, params: { runnerId: string; ids: number[]; leaseMs: number }): Promise<void> {
  if (!params.ids.length) return;
  await db.execute(sql`UPDATE jobs SET locked_until = now() + ${params.leaseMs}::float8 * interval '1 millisecond'
    WHERE locked_by = ${params.runnerId} AND id = ANY(${sql.param(params.ids)}::bigint[])`);
}

const mine = (job: JobRow, runnerId: string) => and(eq(jobs.id, job.id), eq(jobs.lockedBy, runnerId));

/** Done: the job disappears, or (recurring / requested again) is armed to run again in `rearmInMs`. */
export async function completeJob(db: Db, job: JobRow, runnerId: string, rearmInMs?: number): Promise<void> {
  if (rearmInMs === undefined) {
    await db.delete(jobs).where(mine(job, runnerId));
    return;
  }
  await db
    .update(jobs)
    .set({ runAt: sql`now() + ${rearmInMs}::float8 * interval '1 millisecond'`, attempts: 0, lockedBy: null, lockedUntil: null, lastError: null })
    .where(mine(job, runnerId));
}

/**
 * Failed: retried after `retryMs` × 2^(attempts − 1) until `maxAttempts`, then given up (kept with
 * `failed_at`), unless `rearmInMs` says it is recurring and must come back anyway.
 */
export async function failJob(db: Db, job: JobRow, runnerId: string, error: string, opts: { retryMs: number; maxAttempts: number; rearmInMs?: number }): Promise<void> {
  const giveUp = job.attempts >= opts.maxAttempts;
  if (giveUp && opts.rearmInMs !== undefined) {
    await db
      .update(jobs)
      .set({ runAt: sql`now() + ${opts.rearmInMs}::float8 * interval '1 millisecond'`, attempts: 0, lockedBy: null, lockedUntil: null, lastError: error })
      .where(mine(job, runnerId));
    return;
  }
  const delay = opts.retryMs * 2 ** Math.max(0, job.attempts - 1);
  await db
    .update(jobs)
    .set({
      lockedBy: null,
      lockedUntil: null,
      lastError: error,
      ...(giveUp ? { failedAt: new Date() } : { runAt: sql`now() + ${delay}::float8 * interval '1 millisecond'` }),
    })
    .where(mine(job, runnerId));
}

/** Removes a job that no longer has a reason to run (its seller disconnected). */
export async function dropJob(db: Db, job: JobRow, runnerId: string): Promise<void> {
  await db.delete(jobs).where(mine(job, runnerId));
}
