import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CheckoutLinkLineItem } from "./checkout-links";
import { checkoutLinks } from "./checkout-links";
import { sellers } from "./sellers";

export type CheckoutAttemptStatus = "started" | "declined" | "completed";

/**
 * One buyer's attempt to pay through a checkout link, keyed by the id the page minted when it first
 * rendered. It pins what is being bought (items, amount, buyer identity) and records each Square
 * object as it is created, so a retry resumes instead of starting over, and a completed attempt
 * answers with its receipt. Completed attempts are also Patron's own count of payments per link.
 */
export const checkoutAttempts = pgTable(
  "checkout_attempts",
  {
    id: uuid("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    // Kept when the link is deleted: the sale happened all the same.
    linkId: text("link_id").references(() => checkoutLinks.id, { onDelete: "set null" }),
    status: text("status").$type<CheckoutAttemptStatus>().notNull().default("started"),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    lineItems: jsonb("line_items").$type<CheckoutLinkLineItem[]>().notNull(),
    /** Hash of the buyer's normalised email and phone: a retry must be the same buyer. */
    identityKey: text("identity_key").notNull(),
    customerId: text("customer_id"),
    orderId: text("order_id"),
    paymentId: text("payment_id"),
    paymentMethod: text("payment_method"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last_4"),
    receiptNumber: text("receipt_number"),
    receiptUrl: text("receipt_url"),
    saveCardRequested: boolean("save_card_requested").notNull().default(false),
    cardId: text("card_id"),
    /** Why the card could not be saved although the buyer asked (the payment still went through). */
    cardSaveError: text("card_save_error"),
    lastDeclineCode: text("last_decline_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("checkout_attempts_link_status_idx").on(t.merchantId, t.linkId, t.status)],
);

export type CheckoutAttemptRow = typeof checkoutAttempts.$inferSelect;
