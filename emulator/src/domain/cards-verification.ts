import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { errors } from "../http/errors";
import { ids } from "../ids";
import { scaBehaviourOf } from "./cards-test-values";
import { SANDBOX_CARDS_ON_FILE, type TokenVerification, type VerificationTokenRow } from "./payment-tokens";
import { tables } from "./tables";

// Square does not publish a lifetime for verifyBuyer tokens; an hour covers a checkout.
const VERIFICATION_TTL_MS = 60 * 60 * 1000;

/** Stores the `verf:` token that legacy `payments.verifyBuyer(source, details)` hands back. */
export function issueVerificationToken(ctx: EmulatorContext, merchantId: string, source: string, verification: TokenVerification) {
  const row: VerificationTokenRow = {
    ...verification,
    token: `verf:${ids.uid()}`,
    merchantId,
    source,
    createdAt: ctx.clock.iso(),
    expiresAt: new Date(ctx.clock.nowMs() + VERIFICATION_TTL_MS).toISOString(),
  };
  return tables(ctx.store).verificationTokens.put(merchantId, row.token, row);
}

/**
 * Whether charging or storing a card on file needs buyer verification: the sandbox
 * `ccof:customer-card-id-requires-verification`, and stored SCA test cards that challenge.
 */
export function cardOnFileRequiresVerification(sourceId: string, card?: Square.Card): boolean {
  const sandbox = SANDBOX_CARDS_ON_FILE[sourceId];
  if (sandbox) return sandbox.requiresVerification;
  return scaBehaviourOf(card?.fingerprint) === "challenge";
}

/**
 * Refuses a charge or a store that needs buyer verification and has none: the source must have been
 * verified when tokenized, or `verification_token` must come from verifyBuyer for this very source.
 * Unknown tokens are 404 NOT_FOUND; another source's token is 400 INVALID_VALUE.
 */
export function ensureVerified(
  ctx: EmulatorContext,
  merchantId: string,
  source: { id: string; requiresVerification: boolean; verified?: boolean },
  verificationToken?: string,
) {
  if (verificationToken) {
    const row = tables(ctx.store).verificationTokens.get(merchantId, verificationToken);
    if (!row || Date.parse(row.expiresAt) <= ctx.clock.nowMs())
      throw errors.notFound("Verification token not found or expired.", "verification_token");
    if (row.source !== source.id)
      throw errors.badRequest("INVALID_VALUE", "The verification token was issued for a different source.", "verification_token");
    return;
  }
  if (source.requiresVerification && !source.verified)
    throw errors.paymentMethod(
      "CARD_DECLINED_VERIFICATION_REQUIRED",
      "Card declined: the buyer must be verified (tokenize with verification details, or send a verification_token).",
      "source_id",
    );
}
