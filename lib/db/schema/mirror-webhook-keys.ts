import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Signature keys of webhook subscriptions Patron created itself (local mode, when the local Square
 * had none for Patron's URL). Kept encrypted like tokens; the configured key is always tried first.
 */
export const webhookSignatureKeys = pgTable("webhook_signature_keys", {
  subscriptionId: text("subscription_id").primaryKey(),
  notificationUrl: text("notification_url").notNull(),
  signatureKeyEncrypted: text("signature_key_encrypted").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
