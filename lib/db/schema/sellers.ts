import { sql } from "drizzle-orm";
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per Square seller who has signed in. OAuth tokens are stored encrypted (AES-256-GCM,
 * lib/crypto/token-cipher.ts); a disconnected seller keeps the row but loses the tokens.
 */
export const sellers = pgTable("sellers", {
  merchantId: text("merchant_id").primaryKey(),
  businessName: text("business_name").notNull(),
  mainLocationId: text("main_location_id"),
  country: text("country"),
  currency: text("currency"),
  accessTokenEncrypted: text("access_token_encrypted"),
  refreshTokenEncrypted: text("refresh_token_encrypted"),
  accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
  scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
  connectedAt: timestamp("connected_at", { withTimezone: true }),
  disconnectedAt: timestamp("disconnected_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type SellerRow = typeof sellers.$inferSelect;
