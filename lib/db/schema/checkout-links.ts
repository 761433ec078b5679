import { bigint, boolean, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/** One line of a checkout link: what the buyer gets, how many, at what unit price (minor units). */
export interface CheckoutLinkLineItem {
  name: string;
  quantity: number;
  unitAmount: number;
}

/**
 * A seller's shareable checkout page. Either fixed line items (`pricing: "items"`) or an amount the
 * buyer chooses between `open_min_amount` and `open_max_amount` (`pricing: "open"`). Amounts are
 * whole minor units of `currency`, the location's currency when the link was saved.
 */
export const checkoutLinks = pgTable(
  "checkout_links",
  {
    /** Random and unguessable: it is the public URL (/pay/<id>). */
    id: text("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    title: text("title").notNull(),
    locationId: text("location_id").notNull(),
    currency: text("currency").notNull(),
    pricing: text("pricing").$type<"items" | "open">().notNull(),
    lineItems: jsonb("line_items").$type<CheckoutLinkLineItem[]>().notNull(),
    openMinAmount: bigint("open_min_amount", { mode: "number" }),
    openMaxAmount: bigint("open_max_amount", { mode: "number" }),
    offerSaveCard: boolean("offer_save_card").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("checkout_links_merchant_created_idx").on(t.merchantId, t.createdAt)],
);

export type CheckoutLinkRow = typeof checkoutLinks.$inferSelect;
