import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every webhook event Square delivered, keyed by its event_id so a redelivery is recognised. The
 * merchant is not a foreign key: events can arrive for a seller who has not signed in (yet).
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    eventId: text("event_id").primaryKey(),
    type: text("type").notNull(),
    merchantId: text("merchant_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    processingError: text("processing_error"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("webhook_events_merchant_received_idx").on(t.merchantId, t.receivedAt)],
);
