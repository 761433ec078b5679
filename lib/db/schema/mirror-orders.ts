import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { RawSquareObject } from "./mirror-customers";
import { sellers } from "./sellers";

/** Orders from every location. `customer_id` is the order's own, often empty (see attribution). */
export const mirrorOrders = pgTable(
  "mirror_orders",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    id: text("id").notNull(),
    locationId: text("location_id"),
    customerId: text("customer_id"),
    state: text("state"),
    sourceName: text("source_name"),
    referenceId: text("reference_id"),
    currency: text("currency"),
    totalAmount: bigint("total_amount", { mode: "number" }).notNull().default(0),
    totalTaxAmount: bigint("total_tax_amount", { mode: "number" }).notNull().default(0),
    totalDiscountAmount: bigint("total_discount_amount", { mode: "number" }).notNull().default(0),
    totalTipAmount: bigint("total_tip_amount", { mode: "number" }).notNull().default(0),
    netAmountDueAmount: bigint("net_amount_due_amount", { mode: "number" }).notNull().default(0),
    version: bigint("version", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    raw: jsonb("raw").$type<RawSquareObject>().notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    index("mirror_orders_created_idx").on(t.merchantId, t.createdAt),
    // No index on customer_id: views find a customer's orders through mirror_order_customers.
  ],
);

export const mirrorOrderLineItems = pgTable(
  "mirror_order_line_items",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    orderId: text("order_id").notNull(),
    uid: text("uid").notNull(),
    position: integer("position").notNull(),
    name: text("name"),
    variationName: text("variation_name"),
    itemType: text("item_type"),
    /** Square sends quantities as decimal strings ("1.5"). */
    quantity: text("quantity").notNull(),
    basePriceAmount: bigint("base_price_amount", { mode: "number" }),
    totalAmount: bigint("total_amount", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.orderId, t.uid] })],
);

/** An order's tenders: how payments show up on it (`payment_id` links to mirror_payments). */
export const mirrorOrderTenders = pgTable(
  "mirror_order_tenders",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    orderId: text("order_id").notNull(),
    id: text("id").notNull(),
    paymentId: text("payment_id"),
    type: text("type").notNull(),
    customerId: text("customer_id"),
    amount: bigint("amount", { mode: "number" }).notNull().default(0),
    tipAmount: bigint("tip_amount", { mode: "number" }).notNull().default(0),
    cardBrand: text("card_brand"),
    last4: text("last_4"),
    createdAt: timestamp("created_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.orderId, t.id] }), index("mirror_order_tenders_payment_idx").on(t.merchantId, t.paymentId)],
);

export type MirrorOrderRow = typeof mirrorOrders.$inferSelect;
