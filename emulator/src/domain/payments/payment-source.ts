import { createHash } from "node:crypto";
import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { fingerprintOf } from "../cards-numbers";
import { SANDBOX_TEST_CARDS, scaBehaviourOf } from "../cards-test-values";
import { resolveCustomerId } from "../customers";
import { giftCardForGan } from "../gift-cards/sandbox-gift-card";
import { cardFromFacts, findPaymentToken, SANDBOX_CARDS_ON_FILE, type ForcedOutcome, type PaymentTokenRow } from "../payment-tokens";
import { tables } from "../tables";

/** What a CreatePayment `source_id` turned out to be, found without using anything up. */
export type PaymentSource =
  | { kind: "CASH" }
  | { kind: "EXTERNAL" }
  | {
      kind: "CARD" | "GIFT_CARD";
      card: Square.Card;
      entryMethod: "KEYED" | "ON_FILE";
      giftCard?: Square.GiftCard;
      /** A `cnon:` token still to be taken (single use) once the request is known to be good. */
      token?: PaymentTokenRow;
      requiresVerification: boolean;
      verified: boolean;
      outcome?: ForcedOutcome;
    };

// Stored cards keep only a fingerprint; test numbers that decline when charged are found through it.
const CHARGE_OUTCOME_BY_FINGERPRINT = new Map(
  SANDBOX_TEST_CARDS.filter((c) => c.outcome && c.outcome.on !== "store").map((c) => [fingerprintOf(c.number), c.outcome!]),
);

export function resolveSource(ctx: EmulatorContext, merchantId: string, request: Square.CreatePaymentRequest): PaymentSource {
  const { sourceId } = request;
  if (sourceId === "CASH" || sourceId === "EXTERNAL") {
    const [needed, other] = sourceId === "CASH" ? (["cashDetails", "externalDetails"] as const) : (["externalDetails", "cashDetails"] as const);
    if (!request[needed]) throw errors.missing(sourceId === "CASH" ? "cash_details" : "external_details");
    if (request[other]) throw conflicting(other === "cashDetails" ? "cash_details" : "external_details");
    return { kind: sourceId };
  }
  if (request.cashDetails) throw conflicting("cash_details");
  if (request.externalDetails) throw conflicting("external_details");
  if (sourceId.startsWith("ccof:")) return cardOnFile(ctx, merchantId, sourceId, request.customerId);
  if (sourceId.startsWith("gftc:")) return giftCardOnFile(ctx, merchantId, sourceId, request.customerId);

  const token = findPaymentToken(ctx, merchantId, sourceId);
  if (!token) throw errors.notFound("Card nonce not found in this `sandbox` application environment.", "source_id");
  const base = { entryMethod: "KEYED" as const, token, requiresVerification: token.requiresVerification, verified: token.verified, outcome: token.outcome };
  if (token.method === "card") return { kind: "CARD", card: cardFromFacts(token.card!), ...base };
  const giftCard = giftCardForGan(ctx, merchantId, token.gan ?? "");
  if (!giftCard) throw errors.notFound("Gift card not found.", "source_id");
  return { kind: "GIFT_CARD", card: giftCardAsCard(giftCard), giftCard, ...base };
}

/** A gift card as it appears in `card_details.card`. */
export function giftCardAsCard(giftCard: Square.GiftCard): Square.Card {
  const gan = giftCard.gan ?? "";
  return {
    cardBrand: "SQUARE_GIFT_CARD",
    last4: gan.slice(-4),
    fingerprint: "sq-1-gc-" + createHash("sha256").update(gan).digest("base64url").slice(0, 40),
    cardType: "UNKNOWN_CARD_TYPE",
    prepaidType: "PREPAID",
    bin: gan.slice(0, 6),
  };
}

const onFileNotFound = (what: string) => errors.notFound(`${what} on file not found.`, "source_id");
const conflicting = (field: string) => errors.badRequest("CONFLICTING_PARAMETERS", `\`${field}\` does not fit this source_id.`, field);

function sameCustomer(ctx: EmulatorContext, merchantId: string, a: string, b: string): boolean {
  return a === b || (resolveCustomerId(ctx, merchantId, a) ?? a) === (resolveCustomerId(ctx, merchantId, b) ?? b);
}

function cardOnFile(ctx: EmulatorContext, merchantId: string, sourceId: string, customerId: string | undefined): PaymentSource {
  if (!customerId) throw errors.missing("customer_id");
  const sandbox = SANDBOX_CARDS_ON_FILE[sourceId];
  if (sandbox)
    return { kind: "CARD", card: cardFromFacts(sandbox.card), entryMethod: "ON_FILE", requiresVerification: sandbox.requiresVerification, verified: false, outcome: sandbox.outcome };
  const stored = tables(ctx.store).cards.get(merchantId, sourceId);
  if (!stored?.customerId || !sameCustomer(ctx, merchantId, stored.customerId, customerId)) throw onFileNotFound("Card");
  if (stored.enabled === false) throw errors.paymentMethod("INVALID_CARD", "The card on file is disabled.", "source_id");
  const { cardBrand, last4, expMonth, expYear, fingerprint, cardType, prepaidType, bin, cardholderName } = stored;
  return {
    kind: "CARD",
    card: { cardBrand, last4, expMonth, expYear, fingerprint, cardType, prepaidType, bin, ...(cardholderName ? { cardholderName } : {}) },
    entryMethod: "ON_FILE",
    requiresVerification: scaBehaviourOf(stored.fingerprint) === "challenge",
    verified: false,
    outcome: CHARGE_OUTCOME_BY_FINGERPRINT.get(stored.fingerprint ?? ""),
  };
}

/** A gift card linked to the buyer (Square's "gift card on file"): `customer_id` must be one of its customers. */
function giftCardOnFile(ctx: EmulatorContext, merchantId: string, sourceId: string, customerId: string | undefined): PaymentSource {
  if (!customerId) throw errors.missing("customer_id");
  const giftCard = tables(ctx.store).giftCards.get(merchantId, sourceId);
  if (!giftCard) throw errors.notFound("Gift card not found.", "source_id");
  if (!(giftCard.customerIds ?? []).some((id) => sameCustomer(ctx, merchantId, id, customerId))) throw onFileNotFound("Gift card");
  return { kind: "GIFT_CARD", card: giftCardAsCard(giftCard), giftCard, entryMethod: "ON_FILE", requiresVerification: false, verified: false };
}
