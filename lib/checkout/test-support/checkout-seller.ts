import { randomBytes, randomUUID } from "node:crypto";
import { createTokenCipher, type TokenCipher } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/client";
import { createCheckoutLink, type CheckoutLink, type CheckoutLinkFields } from "@/lib/db/queries/checkout-links";
import { upsertSeller } from "@/lib/db/queries/sellers";
import { REQUESTED_SCOPES } from "@/lib/auth/scopes";
import type { SquareConfig } from "@/lib/square/config";
import type { CheckoutSubmission } from "@/lib/validations/checkout";
import type { CheckoutDeps } from "../deps";
import type { RateLimits } from "../rate-limit";
import type { RequestMeta } from "../types";

// Test helpers for the checkout; structural types only, so nothing here imports the local Square.

export const checkoutTestCipher: TokenCipher = createTokenCipher(randomBytes(32).toString("base64"));

export interface LocalSquareSeller {
  merchantId: string;
  locationId: string;
  accessToken: string;
  refreshToken: string;
}

export function testCheckoutDeps(db: Db, config: SquareConfig, limits: Partial<RateLimits> = {}): CheckoutDeps {
  return { db, config, cipher: checkoutTestCipher, limits: { perIp: 10_000, perLink: 10_000, windowSeconds: 60, ...limits } };
}

/** Stores a local Square seller as a connected Patron seller (as sign-in would), with every scope. */
export async function connectSeller(db: Db, square: LocalSquareSeller, businessName: string, country = "US"): Promise<void> {
  await upsertSeller(db, {
    merchantId: square.merchantId,
    businessName,
    mainLocationId: square.locationId,
    country,
    currency: "USD",
    scopes: [...REQUESTED_SCOPES],
    accessToken: checkoutTestCipher.encrypt(square.accessToken),
    refreshToken: checkoutTestCipher.encrypt(square.refreshToken),
    accessTokenExpiresAt: new Date(Date.now() + 30 * 86_400_000),
  });
}

export async function createTestLink(db: Db, square: LocalSquareSeller, fields: Partial<CheckoutLinkFields> = {}): Promise<CheckoutLink> {
  return createCheckoutLink(db, {
    id: `test_${randomUUID().slice(0, 12)}`,
    merchantId: square.merchantId,
    title: "Coffee beans",
    locationId: square.locationId,
    currency: "USD",
    pricing: "items",
    lineItems: [
      { name: "Single origin beans", quantity: 2, unitAmount: 1250 },
      { name: "Paper filters", quantity: 1, unitAmount: 399 },
    ],
    openMinAmount: null,
    openMaxAmount: null,
    offerSaveCard: true,
    active: true,
    ...fields,
  });
}

export const TEST_META: RequestMeta = { ip: "203.0.113.7", userAgent: "vitest checkout", page: "/pay/test" };

/** A submission for this link with a fresh attempt, a unique buyer email and Square's always-good nonce. */
export function submission(linkId: string, overrides: Partial<CheckoutSubmission> = {}): CheckoutSubmission {
  return {
    linkId,
    attemptId: randomUUID(),
    sourceId: "cnon:card-nonce-ok",
    givenName: "Ada",
    familyName: "Buyer",
    email: `ada.${randomUUID().slice(0, 8)}@example.com`,
    phone: "",
    saveCard: false,
    amount: null,
    ...overrides,
  };
}

/** A valid US phone number no other test uses (Seattle area code, random exchange and line). */
export function uniquePhone(): { e164: string; national: string } {
  const exchange = 200 + Math.floor(Math.random() * 700);
  const line = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  return { e164: `+1206${exchange}${line}`, national: `(206) ${exchange}-${line}` };
}
