import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/** The seller's locations: reports group sales by day in a location's time zone. */
export const mirrorLocations = pgTable(
  "mirror_locations",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    id: text("id").notNull(),
    name: text("name").notNull(),
    status: text("status"),
    timezone: text("timezone"),
    currency: text("currency"),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.id] })],
);
