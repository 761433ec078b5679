import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../open";
import { checkoutRateLimits } from "../schema/checkout-rate-limits";

export interface HitParams {
  bucket: string;
  windowStart: Date;
}

/** Counts one hit in the bucket's current window and returns the window's total so far (atomic). */
export async function countHit(db: Db, { bucket, windowStart }: HitParams): Promise<number> {
  const [row] = await db
    .insert(checkoutRateLimits)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [checkoutRateLimits.bucket, checkoutRateLimits.windowStart], set: { hits: sql`${checkoutRateLimits.hits} + 1` } })
    .returning({ hits: checkoutRateLimits.hits });
  return row.hits;
}

/** Drops this bucket's finished windows, so counters do not pile up. */
export async function dropOldWindows(db: Db, { bucket, windowStart }: HitParams): Promise<void> {
  await db.delete(checkoutRateLimits).where(and(eq(checkoutRateLimits.bucket, bucket), lt(checkoutRateLimits.windowStart, windowStart)));
}

/** Drops every bucket's windows that ended before `before` (buckets of visitors who never came back). */
export async function dropExpiredWindows(db: Db, before: Date): Promise<void> {
  await db.delete(checkoutRateLimits).where(lt(checkoutRateLimits.windowStart, before));
}
