import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { ids } from "../ids";
import { ALL_SCOPES, type Scope } from "../scopes";
import { GLOBAL } from "../store/store";
import { tables } from "./tables";

export interface NewSeller {
  businessName?: string;
  country?: string;
  currency?: string;
  timezone?: string;
  scopes?: Scope[];
  /** Fixed ids keep the demo seller stable across resets, so bookmarked links keep working. */
  merchantId?: string;
  locationId?: string;
  accessToken?: string;
}

export interface SellerCredentials {
  merchantId: string;
  locationId: string;
  accessToken: string;
  refreshToken: string;
  applicationId: string;
  expiresAt: string;
}

/**
 * A new, isolated seller with one active location and a token for the local application, as if
 * the seller had already authorized it.
 */
export function createSeller(ctx: EmulatorContext, input: NewSeller = {}): SellerCredentials {
  const t = tables(ctx.store);
  const now = ctx.clock.iso();
  const merchantId = input.merchantId ?? ids.merchant();
  const locationId = input.locationId ?? ids.location();
  const country = (input.country ?? "US") as Square.Country;
  const currency = (input.currency ?? currencyFor(country)) as Square.Currency;
  const businessName = uniqueBusinessName(ctx, input.businessName ?? `Seller ${merchantId.slice(0, 5)}`);

  t.merchants.put(GLOBAL, merchantId, {
    id: merchantId,
    businessName,
    country,
    languageCode: "en-US",
    currency,
    status: "ACTIVE",
    mainLocationId: locationId,
    createdAt: now,
  });
  t.locations.put(merchantId, locationId, {
    id: locationId,
    name: businessName,
    businessName,
    merchantId,
    country,
    currency,
    timezone: input.timezone ?? "America/Los_Angeles",
    languageCode: "en-US",
    status: "ACTIVE",
    type: "PHYSICAL",
    capabilities: ["CREDIT_CARD_PROCESSING", "AUTOMATIC_TRANSFERS"],
    address: { addressLine1: "1 Market St", locality: "San Francisco", administrativeDistrictLevel1: "CA", postalCode: "94103", country },
    mcc: "5812",
    createdAt: now,
  });
  const grant = issueTokens(ctx, merchantId, input.scopes ?? [...ALL_SCOPES], input.accessToken);
  return { merchantId, locationId, applicationId: ctx.config.applicationId, ...grant };
}

/** Issues an access token (and a refresh token) for the local application. */
export function issueTokens(ctx: EmulatorContext, merchantId: string, scopes: Scope[], fixedAccessToken?: string, refreshToken?: string) {
  const t = tables(ctx.store);
  const accessToken = fixedAccessToken ?? ids.accessToken();
  const refresh = refreshToken ?? ids.refreshToken();
  const expiresAt = new Date(ctx.clock.nowMs() + ctx.config.accessTokenTtlSeconds * 1000).toISOString();
  const applicationId = ctx.config.applicationId;
  t.accessTokens.put(GLOBAL, accessToken, {
    token: accessToken,
    merchantId,
    applicationId,
    scopes,
    expiresAt,
    revoked: false,
    refreshToken: refresh,
    createdAt: ctx.clock.iso(),
  });
  t.grants.put(GLOBAL, merchantId, { merchantId, scopes, revoked: false });
  if (!t.refreshTokens.get(GLOBAL, refresh))
    t.refreshTokens.put(GLOBAL, refresh, { token: refresh, merchantId, applicationId, scopes, revoked: false });
  return { accessToken, refreshToken: refresh, expiresAt };
}

export function listSellers(ctx: EmulatorContext): Square.Merchant[] {
  return [...tables(ctx.store).merchants.values(GLOBAL)];
}

function uniqueBusinessName(ctx: EmulatorContext, wanted: string): string {
  const taken = new Set(listSellers(ctx).map((m) => m.businessName));
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted} (${n})`)) return `${wanted} (${n})`;
}

function currencyFor(country: string): string {
  return (
    { US: "USD", CA: "CAD", GB: "GBP", AU: "AUD", JP: "JPY", IE: "EUR", FR: "EUR", ES: "EUR" } as Record<string, string>
  )[country] ?? "USD";
}
