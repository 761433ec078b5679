import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { errors, type ErrorCategory } from "../http/errors";
import { ids } from "../ids";
import { GLOBAL } from "../store/store";
import { tables } from "./tables";

/** What a payment token knows about the card behind it (never the full number). */
export interface CardFacts {
  brand: Square.CardBrand;
  last4: string;
  bin: string;
  expMonth: number;
  expYear: number;
  postalCode?: string;
  fingerprint: string;
  cardType: Square.CardType;
  prepaidType: Square.CardPrepaidType;
  cardholderName?: string;
}

/** A decline (or other refusal) that a sandbox test value is documented to produce. */
export interface ForcedOutcome {
  code: string;
  category: ErrorCategory;
  detail: string;
  /** Where it bites: charging (CreatePayment), storing (CreateCard), or both. */
  on: "charge" | "store" | "both";
}

export type VerificationIntent = "CHARGE" | "STORE" | "CHARGE_AND_STORE";

/** The verification details `card.tokenize(details)` (or legacy `verifyBuyer`) was given and passed. */
export interface TokenVerification {
  intent: VerificationIntent;
  /** The buyer saw (and passed) a challenge; false for frictionless checks. */
  userChallenged: boolean;
  verifiedAt: string;
  /** Decimal string as the Web Payments SDK takes it ("1.00"), for CHARGE intents. */
  amount?: string;
  currencyCode?: string;
}

/**
 * A single-use payment token (`cnon:`), minted by the Web Payments SDK stand-in or one of Square's
 * documented sandbox values. Sandbox values (`merchantId === GLOBAL`) are reusable and work for
 * every seller, as public test suites rely on; minted tokens belong to one seller, are used once,
 * and expire.
 */
export interface PaymentTokenRow {
  token: string;
  merchantId: string;
  locationId?: string;
  method: "card" | "gift_card";
  card?: CardFacts;
  /** Gift card tokens carry the GAN they were typed from. */
  gan?: string;
  intent?: VerificationIntent;
  /** Strong customer authentication: the buyer passed a challenge (or a frictionless check). */
  verified: boolean;
  /** The card is an SCA card: charging or storing it needs `verified` or a `verification_token`. */
  requiresVerification: boolean;
  /** How the buyer was verified when the token was minted with verification details. */
  verification?: TokenVerification;
  outcome?: ForcedOutcome;
  reusable: boolean;
  createdAt: string;
  expiresAt?: string;
  usedAt?: string;
  usedBy?: string;
}

/**
 * The legacy `payments.verifyBuyer(source, details)` result: a `verf:` token for one source (a
 * payment token or a card on file) that CreatePayment/CreateCard accept as `verification_token`.
 */
export interface VerificationTokenRow extends TokenVerification {
  token: string;
  merchantId: string;
  source: string;
  createdAt: string;
  expiresAt: string;
}

const SANDBOX_CARD: CardFacts = {
  brand: "VISA",
  last4: "5858",
  bin: "453275",
  expMonth: 11,
  expYear: 2030,
  postalCode: "94103",
  fingerprint: "sq-1-sandbox-visa-5858-fingerprint",
  cardType: "CREDIT",
  prepaidType: "NOT_PREPAID",
};

export const decline = (code: string, detail: string, on: ForcedOutcome["on"] = "charge"): ForcedOutcome => ({
  code,
  category: "PAYMENT_METHOD_ERROR",
  detail: `Authorization error: '${code}'${detail ? ` (${detail})` : ""}`,
  on,
});

export const INVALID_EXPIRATION: ForcedOutcome = {
  code: "INVALID_EXPIRATION",
  category: "INVALID_REQUEST_ERROR",
  detail: "Invalid card expiration date.",
  on: "both",
};

/** Square's documented sandbox `source_id` values for card and gift card tokens. */
export const SANDBOX_TOKENS: Record<string, Omit<PaymentTokenRow, "token" | "merchantId" | "createdAt" | "reusable" | "verified">> = {
  "cnon:card-nonce-ok": { method: "card", card: SANDBOX_CARD, requiresVerification: false },
  "cnon:card-nonce-declined": { method: "card", card: SANDBOX_CARD, requiresVerification: false, outcome: decline("GENERIC_DECLINE", "") },
  "cnon:card-nonce-rejected-cvv": { method: "card", card: SANDBOX_CARD, requiresVerification: false, outcome: decline("CVV_FAILURE", "", "both") },
  "cnon:card-nonce-rejected-postalcode": {
    method: "card",
    card: SANDBOX_CARD,
    requiresVerification: false,
    outcome: decline("ADDRESS_VERIFICATION_FAILURE", "", "both"),
  },
  "cnon:card-nonce-rejected-expiration": {
    method: "card",
    card: SANDBOX_CARD,
    requiresVerification: false,
    outcome: INVALID_EXPIRATION,
  },
  "cnon:card-nonce-already-used": {
    method: "card",
    card: SANDBOX_CARD,
    requiresVerification: false,
    outcome: { code: "CARD_TOKEN_USED", category: "INVALID_REQUEST_ERROR", detail: "Card nonce already used; please request new nonce.", on: "both" },
  },
  "cnon:gift-card-nonce-ok": { method: "gift_card", gan: "7783320000000000", requiresVerification: false },
  "cnon:gift-card-nonce-insufficient-funds": {
    method: "gift_card",
    gan: "7783320000000000",
    requiresVerification: false,
    outcome: decline("INSUFFICIENT_FUNDS", ""),
  },
  "cnon:gift-card-nonce-insufficient-permission": {
    method: "gift_card",
    gan: "7783320000000000",
    requiresVerification: false,
    outcome: decline("INSUFFICIENT_PERMISSIONS", ""),
  },
};

/** A documented sandbox card-on-file ID: usable as CreatePayment `source_id` by any seller. */
export interface SandboxCardOnFile {
  card: CardFacts;
  /** Charging it without a `verification_token` is refused (CARD_DECLINED_VERIFICATION_REQUIRED). */
  requiresVerification: boolean;
  outcome?: ForcedOutcome;
}

const onFile = (brand: Square.CardBrand, last4: string, bin: string): CardFacts => ({
  ...SANDBOX_CARD,
  brand,
  last4,
  bin,
  fingerprint: `sq-1-sandbox-${brand.toLowerCase()}-${last4}-fingerprint`,
});

/**
 * Square's magic `ccof:` IDs. They belong to no customer and no seller, so CreatePayment should
 * accept them with any `customer_id` (still required, as for every card on file).
 */
export const SANDBOX_CARDS_ON_FILE: Record<string, SandboxCardOnFile> = {
  "ccof:customer-card-id-ok": { card: SANDBOX_CARD, requiresVerification: false },
  "ccof:customer-card-id-requires-verification": { card: SANDBOX_CARD, requiresVerification: true },
  "ccof:customer-card-id-declined": { card: SANDBOX_CARD, requiresVerification: false, outcome: decline("GENERIC_DECLINE", "") },
  "ccof:customer-card-id-rejected-postalcode": {
    card: SANDBOX_CARD,
    requiresVerification: false,
    outcome: decline("ADDRESS_VERIFICATION_FAILURE", "", "both"),
  },
  "ccof:customer-card-id-rejected-expiration": { card: SANDBOX_CARD, requiresVerification: false, outcome: INVALID_EXPIRATION },
  "ccof:customer-card-id-visa-ok": { card: onFile("VISA", "1111", "411111"), requiresVerification: false },
  "ccof:customer-card-id-mastercard-ok": { card: onFile("MASTERCARD", "5100", "510510"), requiresVerification: false },
  "ccof:customer-card-id-american-express-ok": { card: onFile("AMERICAN_EXPRESS", "0009", "340000"), requiresVerification: false },
};

/** Stores a freshly minted token (from the stand-in) for one seller. */
export function mintPaymentToken(
  ctx: EmulatorContext,
  row: Omit<PaymentTokenRow, "token" | "createdAt" | "expiresAt" | "reusable"> & { token?: string },
): PaymentTokenRow {
  const created = ctx.clock.nowMs();
  const token: PaymentTokenRow = {
    ...row,
    token: row.token ?? ids.cardNonce(),
    reusable: false,
    createdAt: new Date(created).toISOString(),
    expiresAt: new Date(created + ctx.config.cardNonceTtlSeconds * 1000).toISOString(),
  };
  return tables(ctx.store).paymentTokens.put(token.merchantId, token.token, token);
}

/** Looks a token up for a seller without using it (RetrieveGiftCardFromNonce, validation). */
export function findPaymentToken(ctx: EmulatorContext, merchantId: string, token: string): PaymentTokenRow | undefined {
  const sandbox = SANDBOX_TOKENS[token];
  if (sandbox) return { ...sandbox, token, merchantId: GLOBAL, reusable: true, verified: false, createdAt: "2020-01-01T00:00:00.000Z" };
  return tables(ctx.store).paymentTokens.get(merchantId, token);
}

/**
 * Uses a token for a payment or a card on file: unknown → 404 NOT_FOUND, another seller's → the
 * same 404 (as a token from the other environment), used → CARD_TOKEN_USED, expired →
 * CARD_TOKEN_EXPIRED. Minted tokens are marked used; sandbox values stay reusable.
 * Call it only once the rest of the request has been validated, so a rejected request does not
 * burn the buyer's token.
 */
export function takePaymentToken(ctx: EmulatorContext, merchantId: string, token: string, usedBy: string, field = "source_id"): PaymentTokenRow {
  const row = findPaymentToken(ctx, merchantId, token);
  if (!row) throw errors.notFound("Card nonce not found in this `sandbox` application environment.", field);
  if (row.reusable) return row;
  if (row.usedAt) throw errors.badRequest("CARD_TOKEN_USED", "Card nonce already used; please request new nonce.", field);
  if (row.expiresAt && Date.parse(row.expiresAt) <= ctx.clock.nowMs())
    throw errors.badRequest("CARD_TOKEN_EXPIRED", "Card nonce has expired.", field);
  return tables(ctx.store).paymentTokens.put(merchantId, token, { ...row, usedAt: ctx.clock.iso(), usedBy });
}

/** Builds the Square `Card` (as on a payment's `card_details.card`) that a token describes. */
export function cardFromFacts(facts: CardFacts): Square.Card {
  return {
    cardBrand: facts.brand,
    last4: facts.last4,
    expMonth: BigInt(facts.expMonth),
    expYear: BigInt(facts.expYear),
    fingerprint: facts.fingerprint,
    cardType: facts.cardType,
    prepaidType: facts.prepaidType,
    bin: facts.bin,
    ...(facts.cardholderName ? { cardholderName: facts.cardholderName } : {}),
  };
}
