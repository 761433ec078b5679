import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { errors, SquareApiError } from "../http/errors";
import { normalizePostalCode } from "./cards-numbers";
import { ensureVerified } from "./cards-verification";
import { storeCard, type CardOnFileInput } from "./cards";
import { findPaymentToken, takePaymentToken, type CardFacts, type ForcedOutcome, type PaymentTokenRow } from "./payment-tokens";
import { tables } from "./tables";

/**
 * Turning a payment token, or the card of an earlier payment, into a card on file. Every check
 * that can refuse the request runs before the token is used, so a refused request leaves the
 * buyer's token usable.
 */
export interface FromTokenRequest {
  sourceId: string;
  verificationToken?: string;
  /** Request field that carried the token (`source_id`, or `card_nonce` on the deprecated endpoint). */
  field: string;
  /** The deprecated endpoint names some failures differently (VERIFY_AVS_FAILURE, VERIFY_CVV_FAILURE). */
  legacyCodes?: boolean;
}

export function cardFromToken(ctx: EmulatorContext, merchantId: string, req: FromTokenRequest, input: CardOnFileInput): Square.Card {
  const row = findPaymentToken(ctx, merchantId, req.sourceId);
  if (!row) throw errors.notFound("Card nonce not found in this `sandbox` application environment.", req.field);
  if (row.method !== "card" || !row.card)
    throw errors.badRequest("INVALID_CARD_DATA", "Only card payment tokens can be stored as cards on file.", req.field);
  ensureUnused(ctx, row, req);
  refuseForcedOutcome(row.outcome, req.legacyCodes);
  ensurePostalCodeMatches(row.card, input.billingAddress, req);
  ensureVerified(ctx, merchantId, { id: row.token, requiresVerification: row.requiresVerification, verified: row.verified }, req.verificationToken);

  const card = storeCard(ctx, merchantId, row.card, input);
  takePaymentToken(ctx, merchantId, req.sourceId, card.id!, req.field);
  return card;
}

/**
 * CreateCard from a payment ID: only a COMPLETED card payment whose card was keyed (not already
 * on file) is eligible, once.
 */
export function cardFromPayment(ctx: EmulatorContext, merchantId: string, payment: Square.Payment, input: CardOnFileInput): Square.Card {
  const sources = tables(ctx.store).cardSources;
  const key = `payment:${payment.id}`;
  if (sources.get(merchantId, key)) throw errors.badRequest("SOURCE_USED", "This payment's card is already stored as a card on file.", "source_id");
  const used = payment.cardDetails?.card;
  if (payment.sourceType !== "CARD" || payment.status !== "COMPLETED" || !used?.last4 || payment.cardDetails?.entryMethod === "ON_FILE")
    throw errors.badRequest("INVALID_CARD_DATA", "Only a completed payment with a keyed card can be stored as a card on file.", "source_id");
  const facts: CardFacts = {
    brand: used.cardBrand ?? "OTHER_BRAND",
    last4: used.last4,
    bin: used.bin ?? "",
    expMonth: Number(used.expMonth ?? 0),
    expYear: Number(used.expYear ?? 0),
    postalCode: used.billingAddress?.postalCode ?? payment.billingAddress?.postalCode ?? undefined,
    fingerprint: used.fingerprint ?? "",
    cardType: used.cardType ?? "UNKNOWN_CARD_TYPE",
    prepaidType: used.prepaidType ?? "UNKNOWN_PREPAID_TYPE",
    ...(used.cardholderName ? { cardholderName: used.cardholderName } : {}),
  };
  ensurePostalCodeMatches(facts, input.billingAddress, { field: "source_id" });
  const card = storeCard(ctx, merchantId, facts, input);
  sources.put(merchantId, key, card.id!);
  return card;
}

function ensureUnused(ctx: EmulatorContext, row: PaymentTokenRow, req: FromTokenRequest) {
  if (row.reusable) return;
  if (row.usedAt && row.usedBy?.startsWith("ccof:") && !req.legacyCodes)
    throw errors.badRequest("SOURCE_USED", "The payment token has already been stored as a card on file.", req.field);
  if (row.usedAt) throw errors.badRequest("CARD_TOKEN_USED", "Card nonce already used; please request new nonce.", req.field);
  if (row.expiresAt && Date.parse(row.expiresAt) <= ctx.clock.nowMs())
    throw errors.badRequest("CARD_TOKEN_EXPIRED", "Card nonce has expired.", req.field);
}

const LEGACY_CODES: Record<string, string> = { ADDRESS_VERIFICATION_FAILURE: "VERIFY_AVS_FAILURE", CVV_FAILURE: "VERIFY_CVV_FAILURE" };

function refuseForcedOutcome(outcome: ForcedOutcome | undefined, legacyCodes?: boolean) {
  if (!outcome || outcome.on === "charge") return;
  const code = (legacyCodes && LEGACY_CODES[outcome.code]) || outcome.code;
  throw new SquareApiError(400, [{ category: outcome.category, code, detail: outcome.detail }]);
}

/** The billing postal code, when given, must be the one the buyer typed when tokenizing. */
function ensurePostalCodeMatches(facts: CardFacts, address: Square.Address | undefined, req: { field: string; legacyCodes?: boolean }) {
  const given = address?.postalCode;
  if (!given || !facts.postalCode || normalizePostalCode(given) === normalizePostalCode(facts.postalCode)) return;
  if (req.legacyCodes)
    throw errors.paymentMethod("VERIFY_AVS_FAILURE", "The billing postal code does not match the card's.", "billing_address.postal_code");
  throw errors.badRequest("INVALID_CARD_DATA", "The billing postal code does not match the postal code of the card.", req.field);
}
