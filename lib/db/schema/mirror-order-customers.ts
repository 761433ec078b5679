import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/**
 * Materialised order attribution (lib/crm/attribution.ts attributeOrder): one row per surviving
 * customer an order belongs to, or one row with a null customer for a sale with no customer. The
 * order's date, state and total are copied here so a customer's history is one index range scan.
 * Rewritten whole for an order whenever the order, one of its payments or an alias changes.
 */
export const mirrorOrderCustomers = pgTable(
  "mirror_order_customers",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    orderId: text("order_id").notNull(),
    customerId: text("customer_id"),
    /** "payment" | "order" | "none" (AttributionSource). */
    source: text("source").notNull(),
    /** The id Square recorded, when a merge has since replaced it. */
    mergedFrom: text("merged_from"),
    orderCreatedAt: timestamp("order_created_at", { withTimezone: true }),
    orderState: text("order_state"),
    orderTotalAmount: bigint("order_total_amount", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    index("mirror_order_customers_order_idx").on(t.merchantId, t.orderId),
    index("mirror_order_customers_history_idx").on(t.merchantId, t.customerId, t.orderCreatedAt),
  ],
);

export type MirrorOrderCustomerRow = typeof mirrorOrderCustomers.$inferSelect;
