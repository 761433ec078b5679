import type { Square } from "square";
import type { Scope } from "../scopes";
import type { Store } from "../store/store";
import type { PaymentTokenRow, VerificationTokenRow } from "./payment-tokens";

/** A payment Square has yet to attach a customer to; stored so a restart reschedules it. */
export interface PendingAssignmentRow {
  paymentId: string;
  dueAt: string;
}

/** Rows the emulator keeps that are not Square objects. */
export interface AccessTokenRow {
  token: string;
  merchantId: string;
  applicationId: string;
  scopes: Scope[];
  /** ISO time; undefined for tokens that never expire (personal access tokens). */
  expiresAt?: string;
  revoked: boolean;
  refreshToken?: string;
  createdAt: string;
}

export interface RefreshTokenRow {
  token: string;
  merchantId: string;
  applicationId: string;
  scopes: Scope[];
  revoked: boolean;
}

export interface AuthCodeRow {
  code: string;
  merchantId: string;
  applicationId: string;
  scopes: Scope[];
  redirectUri?: string;
  codeChallenge?: string;
  expiresAt: string;
  used: boolean;
}

/** What a seller granted the local application: the scopes of its latest authorization. */
export interface GrantRow {
  merchantId: string;
  scopes: Scope[];
  revoked: boolean;
}

/** A webhook delivery still owed to a subscriber; kept in the store so retries survive a restart. */
export interface PendingDeliveryRow {
  id: string;
  subscriptionId: string;
  merchantId: string;
  eventId: string;
  body: string;
  attempt: number;
  nextAt: string;
  initialAt: string;
  lastError?: string;
}

export interface IdempotencyRow {
  hash: string;
  status: number;
  body: unknown;
  at: string;
}

// Tables are stateless views of the store: build them once per store, not on every call (hot paths
// call tables() many times per request, and generating a seller's history millions of times).
const views = new WeakMap<Store, ReturnType<typeof buildTables>>();

/** Typed access to every table, so table names live in one place. */
export function tables(store: Store) {
  let view = views.get(store);
  if (!view) views.set(store, (view = buildTables(store)));
  return view;
}

function buildTables(store: Store) {
  return {
    merchants: store.table<Square.Merchant>("merchants"),
    locations: store.table<Square.Location>("locations"),
    accessTokens: store.table<AccessTokenRow>("access_tokens"),
    refreshTokens: store.table<RefreshTokenRow>("refresh_tokens"),
    authCodes: store.table<AuthCodeRow>("auth_codes"),
    idempotency: store.table<IdempotencyRow>("idempotency"),
    grants: store.table<GrantRow>("grants"),
    pendingDeliveries: store.table<PendingDeliveryRow>("pending_deliveries"),
    customers: store.table<Square.Customer>("customers"),
    /** Customer ids consumed by a merge → the surviving id (RetrieveCustomer follows these). */
    customerAliases: store.table<string>("customer_aliases"),
    cards: store.table<Square.Card>("cards"),
    giftCards: store.table<Square.GiftCard>("gift_cards"),
    giftCardActivities: store.table<Square.GiftCardActivity>("gift_card_activities"),
    payments: store.table<Square.Payment>("payments"),
    orders: store.table<Square.Order>("orders"),
    paymentTokens: store.table<PaymentTokenRow>("payment_tokens"),
    pendingAssignments: store.table<PendingAssignmentRow>("pending_assignments"),
    /** Orders Square made for payments created without `order_id`: order id → payment id. */
    paymentOrders: store.table<string>("payment_orders"),
    verificationTokens: store.table<VerificationTokenRow>("verification_tokens"),
    /** What a card on file was made from ("payment:<id>", "nonce:<customer>:<token>") → card id. */
    cardSources: store.table<string>("card_sources"),
    webhookSubscriptions: store.table<Square.WebhookSubscription>("webhook_subscriptions"),
  };
}

export type Tables = ReturnType<typeof tables>;
