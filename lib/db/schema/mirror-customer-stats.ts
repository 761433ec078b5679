import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/**
 * Per surviving customer, the aggregates list pages sort and show, so no page aggregates 100,000
 * orders on the fly. Maintained by lib/sync/customer-stats.ts in the same transaction as the rows
 * they summarise (backfill recomputes all of them once at the end).
 */
export const mirrorCustomerStats = pgTable(
  "mirror_customer_stats",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    customerId: text("customer_id").notNull(),
    /** Attributed orders that are open or completed (drafts and canceled orders are not sales). */
    orderCount: integer("order_count").notNull().default(0),
    /** Attributed payments of any status. */
    paymentCount: integer("payment_count").notNull().default(0),
    /** Sum of completed payments' total_money, in the seller's currency's minor units. */
    lifetimeSpend: bigint("lifetime_spend", { mode: "number" }).notNull().default(0),
    /** Distinct local days (location time zone) with a completed payment. */
    visitCount: integer("visit_count").notNull().default(0),
    firstVisitAt: timestamp("first_visit_at", { withTimezone: true }),
    lastVisitAt: timestamp("last_visit_at", { withTimezone: true }),
    /** Enabled cards on file, across the customer's merged profiles. */
    cardCount: integer("card_count").notNull().default(0),
    giftCardCount: integer("gift_card_count").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.customerId] }),
    index("mirror_customer_stats_spend_idx").on(t.merchantId, t.lifetimeSpend),
    index("mirror_customer_stats_last_visit_idx").on(t.merchantId, t.lastVisitAt),
    // Reports count new customers by their first visit's day.
    index("mirror_customer_stats_first_visit_idx").on(t.merchantId, t.firstVisitAt),
  ],
);

export type MirrorCustomerStatsRow = typeof mirrorCustomerStats.$inferSelect;
