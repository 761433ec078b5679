import { z } from "zod";
import type { EmulatorContext } from "../context";
import { brandOf, digitsOnly, fingerprintOf, keyedCardProblems, type KeyedCard } from "../domain/cards-numbers";
import { outcomeFor, testCardFor, type ScaBehaviour } from "../domain/cards-test-values";
import { mintPaymentToken, type CardFacts, type PaymentTokenRow } from "../domain/payment-tokens";
import { ids } from "../ids";
import { parseVerificationDetails, sellerFor, TokenizeFailure, verificationFailed, verificationFrom, type VerificationDetails } from "./session";

/** What the card form iframe posts: the typed fields, and what `tokenize(details?)` was given. */
const TokenizeRequest = z.object({
  applicationId: z.string(),
  locationId: z.string().optional(),
  method: z.enum(["card", "giftCard"]),
  card: z.object({ number: z.string(), expirationDate: z.string(), cvv: z.string(), postalCode: z.string() }).optional(),
  giftCard: z.object({ number: z.string() }).optional(),
  verificationDetails: z.unknown().optional(),
});

export type TokenResult =
  | { status: "OK"; token: string; details: Record<string, unknown> }
  | { status: "Error" | "Invalid"; errors: { type: string; message: string; field?: string }[] };

/** Either the token result now, or a challenge the buyer must answer first. */
export type TokenizeOutcome = { result: TokenResult } | { challenge: () => TokenResult };

export function tokenize(ctx: EmulatorContext, raw: unknown): TokenizeOutcome {
  const parsed = TokenizeRequest.safeParse(raw);
  if (!parsed.success) throw new TokenizeFailure("Error", [{ type: "BAD_REQUEST", message: "Malformed tokenize request." }]);
  const req = parsed.data;
  const { merchantId, location } = sellerFor(ctx, req.applicationId, req.locationId);
  if (req.method === "giftCard") return { result: tokenizeGiftCard(ctx, merchantId, location.id!, req.giftCard?.number ?? "") };

  const keyed = parseKeyedCard(req.card);
  const problems = keyedCardProblems(keyed, ctx.clock.nowMs());
  if (problems.length) throw new TokenizeFailure("Invalid", problems.map((p) => ({ type: "VALIDATION_ERROR", ...p })));
  const details = req.verificationDetails === undefined ? undefined : parseVerificationDetails(req.verificationDetails);
  const sca = testCardFor(keyed.number)?.sca;
  const facts = factsOf(keyed, details);
  const mint = (userChallenged?: boolean) =>
    cardResult(mintCardToken(ctx, merchantId, location.id!, facts, keyed, sca, details && verificationFrom(ctx, details, !!userChallenged)));

  // Buyer verification runs only when tokenize() was given verification details.
  if (!details) return { result: mint() };
  if (sca === "fail") throw verificationFailed();
  if (sca === "challenge") return { challenge: () => mint(true) };
  return { result: mint(false) };
}

function parseKeyedCard(card: z.infer<typeof TokenizeRequest>["card"]): KeyedCard {
  const expiry = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(card?.expirationDate ?? "");
  const year = expiry ? Number(expiry[2]) : NaN;
  return {
    number: digitsOnly(card?.number ?? ""),
    expMonth: expiry ? Number(expiry[1]) : NaN,
    expYear: year < 100 ? 2000 + year : year,
    cvv: (card?.cvv ?? "").trim(),
    postalCode: (card?.postalCode ?? "").trim(),
  };
}

function factsOf(card: KeyedCard, details?: VerificationDetails): CardFacts {
  const contact = details?.billingContact;
  const name = [contact?.givenName, contact?.familyName].filter(Boolean).join(" ");
  return {
    brand: brandOf(card.number)!.brand,
    last4: card.number.slice(-4),
    bin: card.number.slice(0, 6),
    expMonth: card.expMonth,
    expYear: card.expYear,
    postalCode: card.postalCode,
    fingerprint: fingerprintOf(card.number),
    cardType: "CREDIT",
    prepaidType: "NOT_PREPAID",
    ...(name ? { cardholderName: name } : {}),
  };
}

function mintCardToken(
  ctx: EmulatorContext,
  merchantId: string,
  locationId: string,
  facts: CardFacts,
  keyed: KeyedCard,
  sca: ScaBehaviour | undefined,
  verification: PaymentTokenRow["verification"],
): PaymentTokenRow {
  return mintPaymentToken(ctx, {
    merchantId,
    locationId,
    method: "card",
    card: facts,
    intent: verification?.intent,
    verified: !!verification,
    requiresVerification: !!sca,
    verification,
    outcome: outcomeFor(keyed),
  });
}

function cardResult(row: PaymentTokenRow): TokenResult {
  const card = row.card!;
  return {
    status: "OK",
    token: row.token,
    details: {
      method: "Card",
      card: { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, cardType: card.cardType, prepaidType: card.prepaidType },
      billing: { postalCode: card.postalCode },
    },
  };
}

function tokenizeGiftCard(ctx: EmulatorContext, merchantId: string, locationId: string, typed: string): TokenResult {
  const gan = digitsOnly(typed);
  // The form takes Square-issued GANs only: 16 digits starting 7783.
  if (!/^7783\d{12}$/.test(gan))
    throw new TokenizeFailure("Invalid", [{ type: "VALIDATION_ERROR", field: "giftCardNumber", message: "Gift card number is not valid." }]);
  const row = mintPaymentToken(ctx, { token: ids.cardNonce(), merchantId, locationId, method: "gift_card", gan, verified: false, requiresVerification: false });
  return { status: "OK", token: row.token, details: { method: "Gift Card", giftCard: { type: "Gift" } } };
}
