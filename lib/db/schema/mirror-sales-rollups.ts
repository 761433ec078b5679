import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/*
 * Sales rollups: completed payments summed per location and local day (the location's time zone),
 * so reports read a few hundred rows instead of aggregating 100,000 payments. They are a pure
 * function of mirror_payments and the locations' zones, kept by lib/sync/sales-rollups.ts in the
 * same transaction as the payments they summarise. The location key '' holds payments with none.
 */

/** Per location and local day: the day's sales. */
export const mirrorSalesDays = pgTable(
  "mirror_sales_days",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    locationId: text("location_id").notNull(),
    revenue: bigint("revenue", { mode: "number" }).notNull(),
    payments: integer("payments").notNull(),
    /** Payments that are their order's first completed one: a sale counts once, on the day it was first paid. */
    sales: integer("sales").notNull(),
    revenueWithoutCustomer: bigint("revenue_without_customer", { mode: "number" }).notNull(),
    paymentsWithoutCustomer: integer("payments_without_customer").notNull(),
    /** Distinct attributed customers who paid that day there. */
    buyers: integer("buyers").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.day, t.locationId] })],
);

/** Per location, local day and tender: how the day's sales were paid. */
export const mirrorTenderDays = pgTable(
  "mirror_tender_days",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    locationId: text("location_id").notNull(),
    /** Square's source_type ('OTHER' when missing). */
    sourceType: text("source_type").notNull(),
    /** The card brand of card payments, '' otherwise. */
    cardBrand: text("card_brand").notNull(),
    revenue: bigint("revenue", { mode: "number" }).notNull(),
    payments: integer("payments").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.day, t.locationId, t.sourceType, t.cardBrand] })],
);

/** Per attributed customer, location and local day: what they paid (distinct buyers, top customers). */
export const mirrorCustomerDays = pgTable(
  "mirror_customer_days",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    locationId: text("location_id").notNull(),
    customerId: text("customer_id").notNull(),
    spend: bigint("spend", { mode: "number" }).notNull(),
    payments: integer("payments").notNull(),
    lastPaymentAt: timestamp("last_payment_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.day, t.locationId, t.customerId] })],
);

/**
 * Per seller: the zone each location's days were counted in ({"L1": "America/Los_Angeles"}), and
 * since when the aggregates — these rollups and mirror_customer_stats — are stale (a backfill writes
 * without them and rebuilds them at its end; meanwhile readers compute from the rows). No row:
 * current (and no rollups yet).
 */
export const mirrorRollupState = pgTable("mirror_rollup_state", {
  merchantId: text("merchant_id")
    .primaryKey()
    .references(() => sellers.merchantId, { onDelete: "cascade" }),
  zones: jsonb("zones").$type<Record<string, string>>().notNull().default({}),
  staleSince: timestamp("stale_since", { withTimezone: true }),
  builtAt: timestamp("built_at", { withTimezone: true }),
});

export type MirrorSalesDayRow = typeof mirrorSalesDays.$inferSelect;
export type MirrorTenderDayRow = typeof mirrorTenderDays.$inferSelect;
export type MirrorCustomerDayRow = typeof mirrorCustomerDays.$inferSelect;
export type MirrorRollupStateRow = typeof mirrorRollupState.$inferSelect;
