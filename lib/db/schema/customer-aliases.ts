import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/**
 * When Square merges customer profiles the old ids disappear; this maps each old id to the profile
 * that survived, so history recorded under an old id still finds its customer.
 */
export const customerAliases = pgTable(
  "customer_aliases",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    oldCustomerId: text("old_customer_id").notNull(),
    survivingCustomerId: text("surviving_customer_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.oldCustomerId] }), index("customer_aliases_surviving_idx").on(t.merchantId, t.survivingCustomerId)],
);
