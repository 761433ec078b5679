import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sellers } from "./sellers";

/** A Square object as Square sent it: snake_case wire JSON, int64s as numbers. */
export type RawSquareObject = Record<string, unknown>;

/**
 * The seller's customers as Square last told us, including deleted ones (`deleted_at`), so history
 * recorded under a deleted or merged profile still has a name to show. Columns are the ones the
 * directory filters and sorts on; `raw` keeps the rest.
 */
export const mirrorCustomers = pgTable(
  "mirror_customers",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => sellers.merchantId, { onDelete: "cascade" }),
    id: text("id").notNull(),
    givenName: text("given_name"),
    familyName: text("family_name"),
    companyName: text("company_name"),
    nickname: text("nickname"),
    emailAddress: text("email_address"),
    phoneNumber: text("phone_number"),
    /** The phone number's digits only, for partial matches however it was typed. */
    phoneDigits: text("phone_digits"),
    referenceId: text("reference_id"),
    creationSource: text("creation_source"),
    /** Lower-cased names, email, phone digits and reference id, for substring search. */
    searchText: text("search_text").notNull().default(""),
    version: bigint("version", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    raw: jsonb("raw").$type<RawSquareObject>().notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    index("mirror_customers_created_idx").on(t.merchantId, t.createdAt),
    index("mirror_customers_email_idx").on(t.merchantId, t.emailAddress),
    index("mirror_customers_phone_idx").on(t.merchantId, t.phoneDigits),
  ],
);

export type MirrorCustomerRow = typeof mirrorCustomers.$inferSelect;
