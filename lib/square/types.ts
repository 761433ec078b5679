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

// ---- The seller's mirror (lib/sync): Square objects as Patron stores them ----

/** A Square object in Square's own wire form (snake_case JSON, int64s as numbers), kept verbatim. */
export type RawObject = Record<string, unknown>;

/** A customer with the object Square sent, for the mirror. */
export interface CustomerRecord extends Customer {
  raw: RawObject;
}

export interface Card {
  id: string;
  /** The profile the card was stored under; it keeps this id after a merge. */
  customerId: string | null;
  cardBrand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  cardholderName: string | null;
  fingerprint: string | null;
  cardType: string | null;
  bin: string | null;
  referenceId: string | null;
  enabled: boolean;
  version: number;
  createdAt: string | null;
  disabledAt: string | null;
  raw: RawObject;
}

export interface GiftCard {
  id: string;
  gan: string | null;
  type: string;
  state: string | null;
  balance: Money | null;
  createdAt: string | null;
  customerIds: string[];
  raw: RawObject;
}

export interface OrderLineItem {
  uid: string;
  name: string | null;
  variationName: string | null;
  itemType: string | null;
  /** Square's decimal string, e.g. "2" or "1.5". */
  quantity: string;
  basePrice: Money | null;
  total: Money | null;
}

export interface OrderTender {
  id: string;
  paymentId: string | null;
  type: string;
  customerId: string | null;
  amount: Money | null;
  tip: Money | null;
  cardBrand: string | null;
  last4: string | null;
  createdAt: string | null;
}

export interface Order {
  id: string;
  locationId: string | null;
  customerId: string | null;
  state: string | null;
  sourceName: string | null;
  referenceId: string | null;
  total: Money | null;
  totalTax: Money | null;
  totalDiscount: Money | null;
  totalTip: Money | null;
  netAmountDue: Money | null;
  /** Null for orders Square made without the Orders API's versioning. */
  version: number | null;
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  lineItems: OrderLineItem[];
  tenders: OrderTender[];
  raw: RawObject;
}

export interface Payment {
  id: string;
  orderId: string | null;
  locationId: string | null;
  customerId: string | null;
  status: string | null;
  sourceType: string | null;
  amount: Money | null;
  tip: Money | null;
  total: Money | null;
  refunded: Money | null;
  cardBrand: string | null;
  last4: string | null;
  cardFingerprint: string | null;
  buyerEmailAddress: string | null;
  receiptNumber: string | null;
  versionToken: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  raw: RawObject;
}

/** One page of a Square list or search, with the cursor for the next (null on the last). */
export interface SquarePage<T> {
  items: T[];
  cursor: string | null;
}

/** A verified webhook notification (Square's envelope, camelCased; `object` stays wire JSON). */
export interface WebhookEvent {
  eventId: string;
  merchantId: string;
  type: string;
  createdAt: string | null;
  locationId: string | null;
  dataType: string | null;
  objectId: string | null;
  deleted: boolean;
  object: RawObject;
}
