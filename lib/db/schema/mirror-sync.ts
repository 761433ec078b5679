import { integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/** The objects Patron mirrors, each pulled by its own stream. */
export const SYNC_STREAMS = ["customers", "cards", "gift_cards", "orders", "payments"] as const;
export type SyncStreamName = (typeof SYNC_STREAMS)[number];

export type SyncStreamStatus = "pending" | "running" | "done" | "failed" | "skipped";

/**
 * Per seller and stream: how far the backfill got (checkpoint: its partitions with cursors, so a
 * restart resumes), and the watermark reconciliation asks Square for changes since.
 */
export const syncStreams = pgTable(
  "sync_streams",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    stream: text("stream").$type<SyncStreamName>().notNull(),
    status: text("status").$type<SyncStreamStatus>().notNull().default("pending"),
    checkpoint: jsonb("checkpoint").$type<Record<string, unknown>>(),
    /** Changes at or after this (minus an overlap) are what reconciliation fetches next. */
    watermark: timestamp("watermark", { withTimezone: true }),
    doneCount: integer("done_count").notNull().default(0),
    totalCount: integer("total_count"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    lastError: text("last_error"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.stream] })],
);

/** Per seller: the backfill's life and when the mirror was last confirmed against Square. */
export const syncSellers = pgTable("sync_sellers", {
  merchantId: text("merchant_id")
    .primaryKey()
    .references(() => sellers.merchantId, { onDelete: "cascade" }),
  backfillRequestedAt: timestamp("backfill_requested_at", { withTimezone: true }),
  backfillStartedAt: timestamp("backfill_started_at", { withTimezone: true }),
  backfillFinishedAt: timestamp("backfill_finished_at", { withTimezone: true }),
  /** The last time a backfill or reconciliation finished: the mirror matched Square as of then. */
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The last webhook event applied to the mirror. */
  lastEventAt: timestamp("last_event_at", { withTimezone: true }),
  lastError: text("last_error"),
});

export type SyncStreamRow = typeof syncStreams.$inferSelect;
export type SyncSellerRow = typeof syncSellers.$inferSelect;
