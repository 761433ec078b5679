import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { RawSquareObject } from "./mirror-customers";
import { sellers } from "./sellers";

/**
 * Payments. Their `version_token` is opaque, so they are only written from a fresh fetch, ordered
 * by (`updated_at`, `fetched_at`). The attributed_* columns are lib/crm/attribution.ts's verdict
 * (attributePayment), kept current by lib/sync/attribution-writer.ts.
 */
export const mirrorPayments = pgTable(
  "mirror_payments",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    id: text("id").notNull(),
    orderId: text("order_id"),
    locationId: text("location_id"),
    customerId: text("customer_id"),
    status: text("status"),
    sourceType: text("source_type"),
    currency: text("currency"),
    amount: bigint("amount", { mode: "number" }).notNull().default(0),
    tipAmount: bigint("tip_amount", { mode: "number" }).notNull().default(0),
    totalAmount: bigint("total_amount", { mode: "number" }).notNull().default(0),
    refundedAmount: bigint("refunded_amount", { mode: "number" }).notNull().default(0),
    cardBrand: text("card_brand"),
    last4: text("last_4"),
    cardFingerprint: text("card_fingerprint"),
    buyerEmailAddress: text("buyer_email_address"),
    receiptNumber: text("receipt_number"),
    versionToken: text("version_token"),
    createdAt: timestamp("created_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    raw: jsonb("raw").$type<RawSquareObject>().notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
    attributedCustomerId: text("attributed_customer_id"),
    attributionSource: text("attribution_source").notNull().default("none"),
    attributedMergedFrom: text("attributed_merged_from"),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    index("mirror_payments_created_idx").on(t.merchantId, t.createdAt),
    index("mirror_payments_attributed_idx").on(t.merchantId, t.attributedCustomerId, t.createdAt),
    index("mirror_payments_order_idx").on(t.merchantId, t.orderId),
    // A gift card's last use (the customer page): only gift card payments, so it costs a backfill little.
    index("mirror_payments_gift_card_idx").on(t.merchantId, t.last4).where(sql`${t.cardBrand} = 'SQUARE_GIFT_CARD'`),
    // No index on the recorded customer_id: views use attributed_customer_id; every index slows a backfill.
  ],
);

export type MirrorPaymentRow = typeof mirrorPayments.$inferSelect;
