import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The durable job queue (lib/sync/jobs). Rows survive restarts; runners in any number of app
 * instances claim due rows with FOR UPDATE SKIP LOCKED and hold them by a lease (`locked_until`),
 * so a crashed runner's job is picked up again once its lease runs out. `unique_key` makes
 * singleton jobs (one reconcile per seller) impossible to enqueue twice.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind").notNull(),
    merchantId: text("merchant_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    uniqueKey: text("unique_key"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** Set when a job gave up after its last attempt; it stays for inspection and never runs again. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("jobs_unique_key_idx").on(t.uniqueKey),
    index("jobs_due_idx").on(t.runAt).where(sql`${t.failedAt} IS NULL`),
    index("jobs_merchant_idx").on(t.merchantId, t.kind),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
