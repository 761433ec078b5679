import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/** Proof that a buyer agreed to have a card saved on file: which wording, when, where and from what browser. */
export const cardConsents = pgTable(
  "card_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    customerId: text("customer_id").notNull(),
    cardId: text("card_id").notNull(),
    wordingVersion: text("wording_version").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull().defaultNow(),
    page: text("page").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [index("card_consents_customer_idx").on(t.merchantId, t.customerId), index("card_consents_card_idx").on(t.merchantId, t.cardId)],
);
