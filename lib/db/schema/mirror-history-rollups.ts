import { boolean, date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/*
 * What the Orders and Payments pages count for a range (the header's total, the Source filter's
 * choices), per location and local day like the sales rollups (mirror-sales-rollups.ts), kept by
 * lib/sync/sales-rollups.ts in the same transaction. Sources are Square's `source.name`: Patron
 * checkout's own orders are few and told apart when read (lib/db/queries/history-counts.ts).
 */

/** Orders per location, local day, state, source and attribution. */
export const mirrorOrderDays = pgTable(
  "mirror_order_days",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    locationId: text("location_id").notNull(),
    /** '' when Square gave none. */
    state: text("state").notNull(),
    /** Square's source name, 'Unknown' when none. */
    source: text("source").notNull(),
    /** 'customer' (attributed to someone), 'none' (a sale with no customer) or '' (not attributed yet). */
    attribution: text("attribution").notNull(),
    orders: integer("orders").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.day, t.locationId, t.state, t.source, t.attribution] })],
);

/** Payments (every status) per location, local day, status, card brand, their order's source and attribution. */
export const mirrorPaymentDays = pgTable(
  "mirror_payment_days",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    locationId: text("location_id").notNull(),
    /** '' when Square gave none. */
    status: text("status").notNull(),
    /** '' when none. */
    cardBrand: text("card_brand").notNull(),
    /** The order's source name; 'Unknown' for none, or an order the mirror does not have. */
    source: text("source").notNull(),
    attributed: boolean("attributed").notNull(),
    payments: integer("payments").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.day, t.locationId, t.status, t.cardBrand, t.source, t.attributed] })],
);
