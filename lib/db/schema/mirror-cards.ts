import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { RawSquareObject } from "./mirror-customers";
import { sellers } from "./sellers";

/** Cards on file. `customer_id` is the id the card was stored under (it survives merges unchanged). */
export const mirrorCards = pgTable(
  "mirror_cards",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    id: text("id").notNull(),
    customerId: text("customer_id"),
    cardBrand: text("card_brand"),
    last4: text("last_4"),
    expMonth: integer("exp_month"),
    expYear: integer("exp_year"),
    cardholderName: text("cardholder_name"),
    fingerprint: text("fingerprint"),
    cardType: text("card_type"),
    bin: text("bin"),
    referenceId: text("reference_id"),
    enabled: boolean("enabled").notNull(),
    version: bigint("version", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    raw: jsonb("raw").$type<RawSquareObject>().notNull(),
    /** When the request that returned this state was sent: the tie-break between equal versions. */
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.id] }), index("mirror_cards_customer_idx").on(t.merchantId, t.customerId)],
);

export type MirrorCardRow = typeof mirrorCards.$inferSelect;
