// Patron's own shapes for Square data: plain JSON-safe values, so they cross to client components as-is.
// Nothing here imports the SDK; lib/square reshapes SDK objects into these.

/** An amount in the currency's smallest unit (cents), never a float. */
export interface Money {
  amount: number;
  currency: string;
}

export interface Location {
  id: string;
  name: string;
  status: "ACTIVE" | "INACTIVE" | string;
  currency: string | null;
  timezone: string | null;
}

export interface MerchantProfile {
  merchantId: string;
  businessName: string;
  country: string | null;
  currency: string | null;
  mainLocationId: string | null;
  locations: Location[];
}

export interface Customer {
  id: string;
  givenName: string | null;
  familyName: string | null;
  companyName: string | null;
  nickname: string | null;
  emailAddress: string | null;
  phoneNumber: string | null;
  referenceId: string | null;
  note: string | null;
  creationSource: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  version: number;
}

export interface CustomerPage {
  customers: Customer[];
  /** Pass back to get the next page; null on the last one. */
  cursor: string | null;
}

/** Tokens from Square's OAuth token endpoint. */
export interface OAuthGrant {
  merchantId: string;
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface TokenStatus {
  merchantId: string;
  scopes: string[];
  expiresAt: Date | null;
}
