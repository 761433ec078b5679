import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/**
 * The customer each buyer identity (normalised email and phone) was given at checkout. Square's
 * search is eventually consistent, so a retry seconds after CreateCustomer may not find the new
 * profile yet; this row does, and no second profile is made.
 */
export const checkoutCustomers = pgTable(
  "checkout_customers",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    identityKey: text("identity_key").notNull(),
    customerId: text("customer_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.identityKey] })],
);
