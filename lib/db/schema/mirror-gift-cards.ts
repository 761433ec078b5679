import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { RawSquareObject } from "./mirror-customers";
import { sellers } from "./sellers";

/**
 * Gift cards. They carry no version, so they are only ever written from a fresh fetch, and a state
 * fetched earlier never replaces one fetched later (`fetched_at`).
 */
export const mirrorGiftCards = pgTable(
  "mirror_gift_cards",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    id: text("id").notNull(),
    gan: text("gan"),
    type: text("type").notNull(),
    state: text("state"),
    balanceAmount: bigint("balance_amount", { mode: "number" }).notNull().default(0),
    currency: text("currency"),
    createdAt: timestamp("created_at", { withTimezone: true }),
    raw: jsonb("raw").$type<RawSquareObject>().notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.id] }), index("mirror_gift_cards_gan_idx").on(t.merchantId, t.gan)],
);

/** A gift card can be linked to several customers (ids as Square recorded them). */
export const mirrorGiftCardCustomers = pgTable(
  "mirror_gift_card_customers",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    giftCardId: text("gift_card_id").notNull(),
    customerId: text("customer_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.giftCardId, t.customerId] }), index("mirror_gift_card_customers_customer_idx").on(t.merchantId, t.customerId)],
);

export type MirrorGiftCardRow = typeof mirrorGiftCards.$inferSelect;
